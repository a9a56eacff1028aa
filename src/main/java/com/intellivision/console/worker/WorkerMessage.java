package com.intellivision.console.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.ProgressDetails;

/**
 * The messages between the console and a worker process, one JSON object per line: the console writes
 * to the worker's stdin, the worker answers on its stdout.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = WorkerMessage.RunJob.class, name = "run"),
    @JsonSubTypes.Type(value = WorkerMessage.Progress.class, name = "progress"),
    @JsonSubTypes.Type(value = WorkerMessage.Segmented.class, name = "segmented"),
    @JsonSubTypes.Type(value = WorkerMessage.Completed.class, name = "completed"),
    @JsonSubTypes.Type(value = WorkerMessage.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = WorkerMessage.Cancel.class, name = "cancel"),
    @JsonSubTypes.Type(value = WorkerMessage.Cancelled.class, name = "cancelled"),
    @JsonSubTypes.Type(value = WorkerMessage.Shutdown.class, name = "shutdown"),
})
public sealed interface WorkerMessage {

    /** The job a worker's report is about, or {@code none} for messages that are about no job or go to workers. */
    default long jobIdOr(long none) {
        if (this instanceof Progress progress) {
            return progress.jobId();
        } else if (this instanceof Segmented segmented) {
            return segmented.jobId();
        } else if (this instanceof Completed completed) {
            return completed.jobId();
        } else if (this instanceof Failed failed) {
            return failed.jobId();
        } else if (this instanceof Cancelled cancelled) {
            return cancelled.jobId();
        }
        return none;
    }

    /** Worker to console: started, natives loaded, waiting for work. */
    record Ready(long pid) implements WorkerMessage {}

    /**
     * Console to worker: run this job and write its image into {@code outputDir}.
     *
     * @param part which part of a split people count to run, or null for the whole job
     */
    record RunJob(long jobId, JobType jobType, String url, ObjectNode params, String outputDir,
            @JsonInclude(JsonInclude.Include.NON_NULL) Part part) implements WorkerMessage {

        public RunJob(long jobId, JobType jobType, String url, ObjectNode params, String outputDir) {
            this(jobId, jobType, url, params, outputDir, null);
        }
    }

    /** Part {@code index} (from 0) of a people count the console would cut into {@code of} parts. */
    record Part(int index, int of) {}

    /**
     * Worker to console, from the first part of a split count once it knows the video's length: into how
     * many parts the video is cut (fewer than asked for a short video; 1 when it is too short to split).
     */
    record Segmented(long jobId, int parts) implements WorkerMessage {}

    /** Worker to console: how far the running job has come. */
    record Progress(long jobId, double percentage, String stage, ProgressDetails details) implements WorkerMessage {}

    /** Worker to console: the job finished with these results. */
    record Completed(long jobId, ObjectNode results, String outputImage) implements WorkerMessage {}

    /** Worker to console: the job failed; {@code error} is written for people. */
    record Failed(long jobId, String error) implements WorkerMessage {}

    /** Console to worker: stop the running job at the next safe point. */
    record Cancel(long jobId) implements WorkerMessage {}

    /** Worker to console: the job stopped as asked; whatever it had written is removed. */
    record Cancelled(long jobId) implements WorkerMessage {}

    /** Console to worker: finish up and exit. */
    record Shutdown() implements WorkerMessage {}
}
