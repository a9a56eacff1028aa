package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The finer figures of a job's progress, named as IntelliVision reports them; every field may be null
 * where the work has no such figure.
 *
 * @param estimatedTimeRemaining seconds
 * @param currentFps frames processed per second lately
 * @param previewUrl an image to show while the job runs, such as the video's thumbnail
 * @param liveFrame the frame a people count analysed last, with the people it found, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressDetails(
        @JsonProperty("processed_frames") Long processedFrames,
        @JsonProperty("total_frames") Long totalFrames,
        @JsonProperty("estimated_time_remaining") Double estimatedTimeRemaining,
        @JsonProperty("current_fps") Double currentFps,
        @JsonProperty("preview_url") String previewUrl,
        @JsonProperty("live_frame") LiveFrame liveFrame) {

    public ProgressDetails(Long processedFrames, Long totalFrames, Double estimatedTimeRemaining, Double currentFps, String previewUrl) {
        this(processedFrames, totalFrames, estimatedTimeRemaining, currentFps, previewUrl, null);
    }

    public static ProgressDetails preview(String url) {
        return new ProgressDetails(null, null, null, null, url);
    }

    /**
     * A frame being analysed, written by the worker for the console to show.
     *
     * @param url the image, a {@code file:} URI on the pool's machine; each frame has a name of its own
     * @param timestamp seconds into the video
     * @param boxes the people found in it, in its pixels
     */
    public record LiveFrame(String url, double timestamp, List<PersonBox> boxes) {

        public LiveFrame {
            boxes = boxes == null ? List.of() : List.copyOf(boxes);
        }
    }
}
