package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where jobs run, as the console sees it: the embedded local pool or a remote server. The UI talks to
 * this interface only.
 *
 * <p>Every method may block on I/O, so callers on a UI thread must call it from a background thread.
 * Events are delivered on the deployment's own thread; listeners must return quickly.
 */
public interface Deployment extends AutoCloseable {

    /** A short name to show people, such as "Local pool". */
    String displayName();

    /** Queues a job and returns it as stored, normally {@code pending}. */
    Job submit(JobRequest request);

    /** The newest jobs first, at most {@code limit}. */
    List<Job> recentJobs(int limit);

    /** Every run of a job so far, first first; empty where the deployment does not keep them. */
    List<JobAttempt> attempts(long jobId);

    /** Cancels a pending job at once, or asks a running one to stop; returns the job as it now is. */
    Optional<Job> cancel(long jobId);

    /** Puts a failed or cancelled job back in the queue; empty if the job was in another state. */
    Optional<Job> retry(long jobId);

    /** Puts every failed job back in the queue; returns how many. */
    int retryAllFailed();

    /** Cancels every pending job; returns how many. */
    int cancelAllPending();

    /** The queue's figures now. */
    QueueFigures figures();

    /** The workers as they are now; empty where the deployment does not report them. */
    List<WorkerInfo> workers();

    /** The last hour of one worker's memory samples, oldest first; empty where not reported. */
    List<EngineEvent.MemorySampled> memoryHistory(int workerId);

    /** What the deployment lets people change about its pool; empty for one they cannot control. */
    Optional<PoolControl> poolControl();

    /** Growing, shrinking, pausing and resuming a pool while it runs. */
    interface PoolControl {
        void resize(int workers);

        void pause();

        void resume();

        boolean isPaused();
    }

    /** Starts delivering events to {@code listener}; closing the returned handle stops it. */
    Subscription subscribe(Consumer<EngineEvent> listener);

    /** Stops the deployment's workers or connections; jobs already stored stay stored. */
    @Override
    void close();

    /** A way to stop listening. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
