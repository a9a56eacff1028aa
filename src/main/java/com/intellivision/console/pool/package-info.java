/**
 * The embedded engine: a persistent job queue in SQLite, worker child processes that run the jobs,
 * and memory sampling of those processes. Everything it reports goes out as
 * {@link com.intellivision.console.job.EngineEvent}s.
 */
package com.intellivision.console.pool;
