/**
 * The submit bar: a link or a file, the job's kind and settings, and the editor of an analysis's
 * lines and zones.
 */
package com.intellivision.console.ui.submit;
