package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The results of a frame extraction, in IntelliVision's schema ({@code frame_url} is the one required
 * field) plus the frame's size and exact timestamp, and for a filmstrip every frame.
 *
 * @param frameUrl where the image is: a {@code file:} URI locally, an http URL from a server; the first
 *     frame of a filmstrip
 * @param method how the frame was obtained; {@code stream_seek} means no download of the video
 * @param processingTime seconds the worker spent on the job
 * @param timestamp seconds into the video of the frame actually taken, or null where a server does not say (a thumbnail)
 * @param frames a filmstrip's frames in order, or null for a single frame
 * @param warnings what people should know about the frames (a damaged stretch of video), or null
 * @param storyboard the video's storyboard for a scrub bar, where the site publishes one, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameResult(
        @JsonProperty("frame_url") String frameUrl,
        String method,
        String title,
        @JsonProperty("processing_time") double processingTime,
        int width,
        int height,
        Double timestamp,
        List<FilmstripFrame> frames,
        List<String> warnings,
        Storyboard storyboard) {

    public static final String STREAM_SEEK = "stream_seek";

    /** One frame of a filmstrip. */
    public record FilmstripFrame(@JsonProperty("frame_url") String frameUrl, double timestamp) {}
}
