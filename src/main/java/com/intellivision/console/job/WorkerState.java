package com.intellivision.console.job;

/** The life of a worker process, as the engine reports it. */
public enum WorkerState {
    STARTING,
    IDLE,
    BUSY,
    /** Replaced after a job because it used too much memory or ran enough jobs. */
    RECYCLING,
    /** Ending for good: the console closes or the pool shrinks. */
    STOPPING,
    DEAD
}
