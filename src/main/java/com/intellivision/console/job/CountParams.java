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
 * @param motionRegions whether the built-in detector looks only where something moves (for fixed cameras);
 *     null means yes. Turn it off for moving cameras; it falls back to whole frames by itself where most of a frame changes.
 * @param fullFrameEvery with motion regions, the whole frame is still searched every this many seconds of
 *     video, for people who have not moved since the count began (people found before who stand still are
 *     looked at again, alone, every few seconds); null means {@value #DEFAULT_FULL_FRAME_EVERY}
 * @param split whether a long video may be cut into overlapping segments counted at once on idle workers of a
 *     local pool (of two workers or more) and joined; null means yes. Off, one worker counts the whole video.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CountParams(
        Double fps,
        @JsonProperty("detector_model") String detectorModel,
        @JsonProperty("alert_threshold") Integer alertThreshold,
        @JsonProperty("motion_regions") Boolean motionRegions,
        @JsonProperty("full_frame_every") Double fullFrameEvery,
        Boolean split) {

    public static final double DEFAULT_FPS = 2.0;
    public static final double DEFAULT_FULL_FRAME_EVERY = 10.0;

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
        if (fullFrameEvery != null && (!(fullFrameEvery > 0) || fullFrameEvery.isInfinite())) {
            throw new IllegalArgumentException("the whole frame must be searched every so many seconds, more than 0, not " + fullFrameEvery);
        }
    }

    /** Default motion regions and whole-frame interval. */
    public CountParams(Double fps, String detectorModel, Integer alertThreshold) {
        this(fps, detectorModel, alertThreshold, null, null);
    }

    /** Split where the pool allows it. */
    public CountParams(Double fps, String detectorModel, Integer alertThreshold, Boolean motionRegions, Double fullFrameEvery) {
        this(fps, detectorModel, alertThreshold, motionRegions, fullFrameEvery, null);
    }

    /** Whether the count may be split across idle workers. */
    public boolean allowsSplitting() {
        return split == null || split;
    }

    /** These settings with splitting allowed or not. */
    public CountParams withSplit(boolean allowed) {
        return new CountParams(fps, detectorModel, alertThreshold, motionRegions, fullFrameEvery, allowed);
    }

    /** Whether the built-in detector looks only where something moves. */
    public boolean usesMotionRegions() {
        return motionRegions == null || motionRegions;
    }

    /** Seconds of video between two whole-frame searches when motion regions are used. */
    public double fullFrameSeconds() {
        return fullFrameEvery == null ? DEFAULT_FULL_FRAME_EVERY : fullFrameEvery;
    }

    /** These settings with motion regions on or off. */
    public CountParams withMotionRegions(boolean on) {
        return new CountParams(fps, detectorModel, alertThreshold, on, fullFrameEvery, split);
    }

    /** The built-in detector at the default sample rate, without crowd alerts. */
    public static CountParams defaults() {
        return new CountParams(null, null, null);
    }

    static CountParams from(JsonNode params) {
        return JobJson.mapper().convertValue(params, CountParams.class);
    }
}
