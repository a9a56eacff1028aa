/**
 * The guide a pool with no jobs shows in place of its jobs table: how to submit, a sample video, and
 * whether yt-dlp is there.
 */
package com.intellivision.console.ui.firstrun;
