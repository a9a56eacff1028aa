package com.intellivision.console.job;

import java.time.Instant;

/** What a job engine, local or remote, tells its subscribers. */
public sealed interface EngineEvent {

    /** A job was created or changed; carries its whole new state. */
    record JobChanged(Job job) implements EngineEvent {}

    /** A job made progress without changing state; {@code details} may be null. */
    record JobProgress(long jobId, double percentage, String stage, ProgressDetails details) implements EngineEvent {
        public JobProgress(long jobId, double percentage, String stage) {
            this(jobId, percentage, stage, null);
        }
    }

    /** A worker was started, changed state or died. */
    record WorkerChanged(WorkerInfo worker) implements EngineEvent {}

    /** The pool was resized, paused or resumed. */
    record PoolChanged(int size, boolean paused) implements EngineEvent {}

    /** The queue's figures changed. */
    record QueueChanged(QueueFigures figures) implements EngineEvent {}

    /** One memory reading of one worker process (resident now, or its peak where that is all a deployment reports). */
    record MemorySampled(String workerId, long pid, long rssBytes, Instant at) implements EngineEvent {}

    /**
     * The console's connection to the deployment changed.
     *
     * @param reason what happened, for people; empty when connected
     * @param since when the deployment entered this state
     */
    record ConnectionChanged(ConnectionState state, String reason, Instant since) implements EngineEvent {}

    /**
     * How a remote deployment's server has answered since the console opened it: every HTTP answer, and
     * those with a 5xx status. Counts only grow; the difference between two tells the recent error rate.
     */
    record AnswersCounted(long answers, long serverErrors) implements EngineEvent {}

    /** Something people should act on soon, such as a token about to expire; {@code detail} says what to do. */
    record Warning(String title, String detail) implements EngineEvent {}
}
