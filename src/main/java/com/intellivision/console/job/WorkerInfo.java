package com.intellivision.console.job;

/**
 * A worker as seen at one moment.
 *
 * @param id the engine's own number for the worker slot, stable across restarts of its process
 * @param pid the operating system's id of the current process, or -1 before it started
 * @param jobId the job it is running, or -1 when it runs none
 * @param rssBytes resident memory at the last sample, 0 before the first one
 * @param peakRssBytes highest resident memory seen for this process
 */
public record WorkerInfo(int id, long pid, WorkerState state, long jobId, long rssBytes, long peakRssBytes) {

    public static final long NO_JOB = -1;
}
