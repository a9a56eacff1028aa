package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The finer figures of a job's progress, named as IntelliVision reports them; every field may be null
 * where the work has no such figure.
 *
 * @param estimatedTimeRemaining seconds
 * @param currentFps frames processed per second lately
 * @param previewUrl an image to show while the job runs, such as the video's thumbnail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressDetails(
        @JsonProperty("processed_frames") Long processedFrames,
        @JsonProperty("total_frames") Long totalFrames,
        @JsonProperty("estimated_time_remaining") Double estimatedTimeRemaining,
        @JsonProperty("current_fps") Double currentFps,
        @JsonProperty("preview_url") String previewUrl) {

    public static ProgressDetails preview(String url) {
        return new ProgressDetails(null, null, null, null, url);
    }
}
