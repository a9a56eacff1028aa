/**
 * The domain: jobs, their types, states, settings and results, and the events an engine reports.
 * Knows nothing of JavaFX, HTTP, processes or FFmpeg.
 */
package com.intellivision.console.job;
