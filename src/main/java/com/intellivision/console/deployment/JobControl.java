package com.intellivision.console.deployment;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import java.util.Optional;

/**
 * Cancelling and retrying one job. What each does differs between deployments (a server may delete
 * the job to cancel it, or make a new job to retry it); {@link Capabilities#cancel()} and
 * {@link Capabilities#retry()} say which, so people can be told before they click.
 */
public interface JobControl {

    /** Cancels a pending job at once, or asks a running one to stop; returns the job as it now is. */
    Optional<Job> cancel(long jobId);

    /**
     * Runs a failed or cancelled job again: the same job back in the queue, or a new job with the same
     * inputs whose {@link Job#retryOf()} is the old one. Empty if the job was in another state.
     */
    Optional<Job> retry(long jobId);

    /**
     * Runs an ended job (failed, cancelled or completed) again with edited inputs: another link, time,
     * sample rate or detector. Always a new job, whose {@link Job#retryOf()} is the old one, which stays
     * as it was. Empty if the job is unknown or has not ended.
     *
     * @throws IllegalArgumentException when the edit cannot run here, saying why (see {@link com.intellivision.console.job.RetryEdits})
     */
    Optional<Job> retryWith(long jobId, JobRequest edited);
}
