package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One run of a job on one worker: every attempt is kept, so people can see why a job needed several.
 *
 * @param number 1 for the first run, 2 for the first retry, ...
 * @param workerId the deployment's name for the worker that ran it
 * @param workerPid its process id, or {@link WorkerInfo#NO_PID} where unknown
 * @param endedAt null while the attempt runs
 * @param outcome {@code running}, {@code completed}, {@code failed}, {@code cancelled} or {@code requeued}
 * @param error why it did not complete, null if it did
 */
public record JobAttempt(
        @JsonProperty("job_id") long jobId,
        int number,
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("worker_pid") long workerPid,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        String outcome,
        String error) {

    public static final String RUNNING = "running";
    public static final String REQUEUED = "requeued";
}
