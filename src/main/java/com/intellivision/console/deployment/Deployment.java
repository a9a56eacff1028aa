package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.WorkerInfo;
import java.util.List;
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

    /** The workers as they are now; empty where the deployment does not report them. */
    List<WorkerInfo> workers();

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
