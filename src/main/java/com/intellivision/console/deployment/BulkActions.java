package com.intellivision.console.deployment;

/** Acting on many jobs at once. */
public interface BulkActions {

    /** Puts every failed job back in the queue; returns how many. */
    int retryAllFailed();

    /** Cancels every pending job; returns how many. */
    int cancelAllPending();
}
