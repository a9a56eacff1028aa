package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One unit of video work, shaped like IntelliVision's {@code VideoJob} plus the attempt count and the
 * last error. Immutable: every change makes a new value, so it can be handed between threads freely.
 * Its id is unique within its deployment.
 *
 * @param youtubeUrl the video: a URL, or the path of a local file (which a server is sent as an upload)
 * @param params the request's own settings (for a frame: the timestamp and image format)
 * @param results what the work produced, in IntelliVision's schema for the job type; null until completed
 * @param outputImage path of the image the job made, on this machine (a server's is downloaded first); null until there is one
 * @param error why the job failed or was cancelled, for people; null otherwise
 * @param attempts how many times a worker started the job
 * @param priority lower runs first
 * @param deadLetter failed for good after using up its automatic retries
 * @param taskId the id of the task that runs the job on a server (Celery's UUID), or null
 * @param traceback where a server's analysis failed, as its programmers need it, or null
 * @param outputVideo URL of a video the job made on a server, or null
 * @param retryOf the job this one runs again, where a retry makes a new job, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(
        long id,
        @JsonProperty("job_type") JobType type,
        JobStatus status,
        @JsonProperty("youtube_url") String youtubeUrl,
        ObjectNode params,
        ObjectNode results,
        @JsonProperty("output_image") String outputImage,
        String error,
        int attempts,
        int priority,
        @JsonProperty("dead_letter") boolean deadLetter,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("task_id") String taskId,
        String traceback,
        @JsonProperty("output_video") String outputVideo,
        @JsonProperty("retry_of") Long retryOf) {

    /** A job of the local pool, which has no task ids, tracebacks, videos or linked retries. */
    public Job(long id, JobType type, JobStatus status, String youtubeUrl, ObjectNode params, ObjectNode results,
            String outputImage, String error, int attempts, int priority, boolean deadLetter, Instant createdAt, Instant updatedAt) {
        this(id, type, status, youtubeUrl, params, results, outputImage, error, attempts, priority, deadLetter, createdAt, updatedAt,
                null, null, null, null);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The same job with its image at {@code path} on this machine. */
    public Job withOutputImage(String path) {
        return new Job(id, type, status, youtubeUrl, params, results, path, error, attempts, priority, deadLetter, createdAt, updatedAt,
                taskId, traceback, outputVideo, retryOf);
    }

    /** The same job, marked as running {@code original} again. */
    public Job withRetryOf(Long original) {
        return new Job(id, type, status, youtubeUrl, params, results, outputImage, error, attempts, priority, deadLetter, createdAt, updatedAt,
                taskId, traceback, outputVideo, original);
    }

    /** The same job in another state, as when a console learns that it was cancelled or deleted. */
    public Job withStatus(JobStatus newStatus, String newError, Instant at) {
        return new Job(id, type, newStatus, youtubeUrl, params, results, outputImage, newError, attempts, priority, deadLetter, createdAt, at,
                taskId, traceback, outputVideo, retryOf);
    }
}
