package com.intellivision.console.ui.workers;

/**
 * A moment a worker's process was replaced: recycled after a job, killed by a limit, or lost.
 *
 * @param atSeconds when, epoch seconds
 * @param reason why, for people
 */
public record WorkerMarker(String workerId, double atSeconds, Kind kind, String reason) {

    /** How the process ended. */
    public enum Kind {
        /** Replaced after a job, as planned: its memory was above the soft limit, or it had run its share of jobs. */
        RECYCLED,
        /** Killed by the engine: above the hard memory limit, or past a job's hard time limit. */
        KILLED,
        /** Ended by itself or by the system: a crash, the OOM killer. */
        LOST
    }
}
