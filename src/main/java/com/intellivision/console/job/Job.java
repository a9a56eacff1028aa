package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One unit of video work, shaped like IntelliVision's {@code VideoJob} plus the attempt count and the
 * last error. Immutable: every change makes a new value, so it can be handed between threads freely.
 *
 * @param params the request's own settings (for a frame: the timestamp and image format)
 * @param results what the work produced, in IntelliVision's schema for the job type; null until completed
 * @param outputImage path or URL of the image the job made; null until it made one
 * @param attempts how many times a worker started the job
 * @param priority lower runs first
 * @param deadLetter failed for good after using up its automatic retries
 */
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
        @JsonProperty("updated_at") Instant updatedAt) {

    @JsonIgnore
    public boolean isTerminal() {
        return status.isTerminal();
    }
}
