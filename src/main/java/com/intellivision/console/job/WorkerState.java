package com.intellivision.console.job;

/** The life of a worker process, as the engine reports it. */
public enum WorkerState {
    STARTING,
    IDLE,
    BUSY,
    STOPPING,
    DEAD
}
