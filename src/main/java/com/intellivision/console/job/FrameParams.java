package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Settings of a frame extraction.
 *
 * @param atSeconds where to take the frame; null means a tenth of the way into the video
 * @param imageFormat {@code png} or {@code jpg}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameParams(@JsonProperty("at_seconds") Double atSeconds, @JsonProperty("image_format") String imageFormat) {

    public static final String DEFAULT_FORMAT = "png";

    public FrameParams {
        if (atSeconds != null && (atSeconds < 0 || atSeconds.isNaN() || atSeconds.isInfinite())) {
            throw new IllegalArgumentException("the timestamp must be zero or more seconds, not " + atSeconds);
        }
        imageFormat = normalizeFormat(imageFormat);
    }

    public static FrameParams at(Double atSeconds) {
        return new FrameParams(atSeconds, DEFAULT_FORMAT);
    }

    static FrameParams from(JsonNode params) {
        return JobJson.mapper().convertValue(params, FrameParams.class);
    }

    private static String normalizeFormat(String format) {
        if (format == null || format.isBlank()) {
            return DEFAULT_FORMAT;
        }
        String lower = format.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpg";
            default -> throw new IllegalArgumentException("image format must be png or jpg, not " + format);
        };
    }
}
