package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of a frame extraction.
 *
 * @param atSeconds where to take the frame; null means a tenth of the way into the video
 * @param imageFormat {@code png} or {@code jpg}
 * @param count 1 for one frame; more for a filmstrip of that many evenly spaced frames
 * @param width scale frames to this width, keeping their shape; null keeps the video's size
 * @param jpegQuality 1 to 100, for {@code jpg}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameParams(
        @JsonProperty("at_seconds") Double atSeconds,
        @JsonProperty("image_format") String imageFormat,
        Integer count,
        Integer width,
        @JsonProperty("jpeg_quality") Integer jpegQuality) {

    public static final String DEFAULT_FORMAT = "png";
    public static final int DEFAULT_JPEG_QUALITY = 92;
    public static final int MAX_FILMSTRIP = 100;

    @JsonCreator
    public FrameParams {
        if (atSeconds != null && (atSeconds < 0 || atSeconds.isNaN() || atSeconds.isInfinite())) {
            throw new IllegalArgumentException("the timestamp must be zero or more seconds, not " + atSeconds);
        }
        imageFormat = normalizeFormat(imageFormat);
        count = count == null ? 1 : count;
        if (count < 1 || count > MAX_FILMSTRIP) {
            throw new IllegalArgumentException("a filmstrip has 1 to " + MAX_FILMSTRIP + " frames, not " + count);
        }
        if (width != null && (width < 16 || width > 7680)) {
            throw new IllegalArgumentException("the width must be 16 to 7680 pixels, not " + width);
        }
        jpegQuality = jpegQuality == null ? DEFAULT_JPEG_QUALITY : jpegQuality;
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("the JPEG quality must be 1 to 100, not " + jpegQuality);
        }
    }

    public FrameParams(Double atSeconds, String imageFormat) {
        this(atSeconds, imageFormat, 1, null, DEFAULT_JPEG_QUALITY);
    }

    public static FrameParams at(Double atSeconds) {
        return new FrameParams(atSeconds, DEFAULT_FORMAT);
    }

    /** A filmstrip of {@code count} frames, one in the middle of each of {@code count} equal parts of the video. */
    public static FrameParams filmstrip(int count, String imageFormat, Integer width) {
        return new FrameParams(null, imageFormat, count, width, DEFAULT_JPEG_QUALITY);
    }

    public boolean isFilmstrip() {
        return count > 1;
    }

    /**
     * The timestamps to take, in seconds, for a video of the given length (0 when unknown): the asked
     * one, a tenth of the way in, or the filmstrip's.
     */
    public List<Double> timestamps(double durationSeconds) {
        if (!isFilmstrip()) {
            return List.of(atSeconds != null ? atSeconds : durationSeconds * 0.1);
        }
        List<Double> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            times.add(durationSeconds * (i + 0.5) / count);
        }
        return times;
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
