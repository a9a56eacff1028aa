package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Where jobs run, as the console sees it: the embedded local pool, an IntelliVision server, another
 * console serving. The UI and the commands talk to this interface only.
 *
 * <p>A small core every deployment has (submit, one job, recent jobs, events, waiting for a job to end),
 * and optional roles that only some have, each empty where the deployment cannot do it; its
 * {@link #capabilities()} say which, and why the others are missing. A deployment that implements a
 * role's interface has that role, unless it says otherwise.
 *
 * <p>Every method may block on I/O, so callers on a UI thread must call it from a background thread.
 * Events are delivered on the deployment's own threads; listeners must return quickly.
 */
public interface Deployment extends AutoCloseable {

    /** The id of the local pool, which every console has. */
    String LOCAL_ID = "local";

    /** A stable id, unique among the console's deployments: {@value #LOCAL_ID}, or the one in the settings. */
    String id();

    /** A short name to show people, such as "Local pool". */
    String displayName();

    /** What the deployment can do, and why it cannot do the rest. */
    Capabilities capabilities();

    /** Queues a job and returns it as the deployment stored it, normally {@code pending}. */
    Job submit(JobRequest request);

    /** The job as the deployment last knew it; empty for an unknown id. */
    Optional<Job> job(long jobId);

    /** The newest jobs first, at most {@code limit}; readable even while a server is down (as last seen). */
    List<Job> recentJobs(int limit);

    /**
     * Starts delivering events to {@code listener}: job changes and progress, and whatever else the
     * deployment reports. A deployment that can only be polled turns its answers into the same events.
     * Closing the returned handle stops it.
     */
    Subscription subscribe(Consumer<EngineEvent> listener);

    /** How well the console reaches the deployment now. */
    ConnectionChanged connection();

    /**
     * Waits until the job is completed, failed or cancelled, and returns it.
     *
     * @throws java.util.NoSuchElementException if the deployment has no such job
     */
    default Job awaitTerminal(long jobId, Duration timeout) throws TimeoutException, InterruptedException {
        return JobWaits.awaitTerminal(this, jobId, timeout);
    }

    /** Cancelling and retrying single jobs. */
    default Optional<JobControl> jobControl() {
        return this instanceof JobControl role ? Optional.of(role) : Optional.empty();
    }

    /** Retrying every failed job, cancelling every pending one. */
    default Optional<BulkActions> bulkActions() {
        return this instanceof BulkActions role ? Optional.of(role) : Optional.empty();
    }

    /** Every run of a job, with its worker, times and error. */
    default Optional<AttemptHistory> attemptHistory() {
        return this instanceof AttemptHistory role ? Optional.of(role) : Optional.empty();
    }

    /** The workers and their memory over time. */
    default Optional<WorkerMonitor> workerMonitor() {
        return this instanceof WorkerMonitor role ? Optional.of(role) : Optional.empty();
    }

    /** Growing and shrinking the whole pool, pausing and resuming dispatch. */
    default Optional<PoolControl> poolControl() {
        return this instanceof PoolControl role ? Optional.of(role) : Optional.empty();
    }

    /** Growing and shrinking one worker's own pool of processes, as Celery workers have. */
    default Optional<WorkerPoolControl> workerPoolControl() {
        return this instanceof WorkerPoolControl role ? Optional.of(role) : Optional.empty();
    }

    /** The queue's figures: pending, running, done and failed lately. */
    default Optional<QueueStatistics> queueStatistics() {
        return this instanceof QueueStatistics role ? Optional.of(role) : Optional.empty();
    }

    /** Finding stored jobs by words and filters. */
    default Optional<JobSearch> jobSearch() {
        return this instanceof JobSearch role ? Optional.of(role) : Optional.empty();
    }

    /** Looking links up before submitting them. */
    default Optional<LinkPreview> linkPreview() {
        return this instanceof LinkPreview role ? Optional.of(role) : Optional.empty();
    }

    /** A sample video and a yt-dlp check for a first run on a pool with no jobs; only the local pool offers them. */
    default Optional<FirstRunHelp> firstRunHelp() {
        return Optional.empty();
    }

    /** Stops the deployment's workers or connections; jobs already stored stay stored. */
    @Override
    void close();

    /** A way to stop listening. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
