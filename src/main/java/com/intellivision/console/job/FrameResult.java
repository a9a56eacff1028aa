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
 * @param fullWidth a filmstrip's frames' own width, where they were made smaller and kept at full size too; else null
 * @param fullHeight their own height, with {@code fullWidth}
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
        Storyboard storyboard,
        @JsonProperty("full_width") Integer fullWidth,
        @JsonProperty("full_height") Integer fullHeight) {

    public FrameResult(String frameUrl, String method, String title, double processingTime, int width, int height, Double timestamp,
            List<FilmstripFrame> frames, List<String> warnings, Storyboard storyboard) {
        this(frameUrl, method, title, processingTime, width, height, timestamp, frames, warnings, storyboard, null, null);
    }

    public static final String STREAM_SEEK = "stream_seek";

    /**
     * One frame of a filmstrip.
     *
     * @param frameUrl the frame at the filmstrip's width, for its row of thumbnails
     * @param fullFrameUrl the same frame at the video's own size (the same file when the video is no
     *     wider); null in a filmstrip made before full frames were kept
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FilmstripFrame(@JsonProperty("frame_url") String frameUrl, double timestamp,
            @JsonProperty("full_frame_url") String fullFrameUrl) {

        public FilmstripFrame(String frameUrl, double timestamp) {
            this(frameUrl, timestamp, null);
        }

        /** The frame to show large: at full size where the strip kept it, else its thumbnail. */
        public String largestUrl() {
            return fullFrameUrl == null || fullFrameUrl.isBlank() ? frameUrl : fullFrameUrl;
        }
    }
}
