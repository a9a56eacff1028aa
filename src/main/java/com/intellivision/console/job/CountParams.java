package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Settings of a people count.
 *
 * @param fps how many frames a second of video are analysed; null means {@value #DEFAULT_FPS}
 * @param detectorModel path of an ONNX person detector to use instead of the built-in HOG detector; null for HOG
 * @param alertThreshold raise an alert when a frame shows more people than this; null for no such alert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CountParams(
        Double fps,
        @JsonProperty("detector_model") String detectorModel,
        @JsonProperty("alert_threshold") Integer alertThreshold) {

    public static final double DEFAULT_FPS = 2.0;

    public CountParams {
        fps = fps == null ? DEFAULT_FPS : fps;
        if (!(fps > 0) || fps.isInfinite()) {
            throw new IllegalArgumentException("the sample rate (fps) must be more than 0 frames a second, not " + fps);
        }
        if (detectorModel != null && detectorModel.isBlank()) {
            detectorModel = null;
        }
        if (alertThreshold != null && alertThreshold < 0) {
            throw new IllegalArgumentException("the alert threshold must be 0 people or more, not " + alertThreshold);
        }
    }

    /** The built-in detector at the default sample rate, without crowd alerts. */
    public static CountParams defaults() {
        return new CountParams(null, null, null);
    }

    static CountParams from(JsonNode params) {
        return JobJson.mapper().convertValue(params, CountParams.class);
    }
}
