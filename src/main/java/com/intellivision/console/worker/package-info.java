/**
 * The worker process's own side: its entry point, the JSON-lines protocol it speaks with the console,
 * and the running of one job at a time.
 */
package com.intellivision.console.worker;
