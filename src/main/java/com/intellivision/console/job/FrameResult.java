package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The results of a frame extraction, in IntelliVision's schema ({@code frame_url} is the one required
 * field) plus the frame's size and exact timestamp.
 *
 * @param frameUrl where the image is: a {@code file:} URI locally, an http URL from a server
 * @param method how the frame was obtained; {@code stream_seek} means no download of the video
 * @param processingTime seconds the worker spent on the job
 * @param timestamp seconds into the video of the frame actually taken
 */
public record FrameResult(
        @JsonProperty("frame_url") String frameUrl,
        String method,
        String title,
        @JsonProperty("processing_time") double processingTime,
        int width,
        int height,
        double timestamp) {

    public static final String STREAM_SEEK = "stream_seek";
}
