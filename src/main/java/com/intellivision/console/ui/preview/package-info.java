/**
 * The selected job: its frame, filmstrip, people count, progress, error, results and attempts, and
 * the scrub bar of a video's storyboard.
 */
package com.intellivision.console.ui.preview;
