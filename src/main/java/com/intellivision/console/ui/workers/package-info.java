/**
 * The Workers tab: each worker, its state and job, and its memory over time.
 */
package com.intellivision.console.ui.workers;
