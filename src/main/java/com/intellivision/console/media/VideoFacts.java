package com.intellivision.console.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a site says about a video beyond where its stream is, for people to check the link before a job:
 * yt-dlp reports it; a file or a direct link has none of it.
 *
 * @param durationSeconds how long the video is, or null where the site does not say
 * @param channel who published it (the channel, else the uploader), or null
 * @param stream the stream that will be read, in a few words ("1280×720 H.264, mp4"), or null
 */
public record VideoFacts(Double durationSeconds, String channel, String stream) {

    /** The length, the channel and the chosen stream, from the fields yt-dlp gives a video and its chosen format. */
    static VideoFacts of(JsonNode info) {
        Double duration = info.path("duration").isNumber() && info.get("duration").asDouble() > 0 ? info.get("duration").asDouble() : null;
        String channel = firstText(info, "channel", "uploader");
        List<String> stream = new ArrayList<>();
        if (info.path("width").asInt() > 0 && info.path("height").asInt() > 0) {
            stream.add(info.get("width").asInt() + "×" + info.get("height").asInt());
        }
        String codec = info.path("vcodec").asText("");
        if (!codec.isEmpty() && !codec.equals("none")) {
            stream.add(codecName(codec));
        }
        String joined = String.join(" ", stream);
        String container = info.path("ext").asText("");
        if (!container.isEmpty()) {
            joined = joined.isEmpty() ? container : joined + ", " + container;
        }
        return new VideoFacts(duration, channel, joined.isEmpty() ? null : joined);
    }

    private static String firstText(JsonNode info, String... fields) {
        for (String field : fields) {
            String text = info.path(field).asText("").strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    /** yt-dlp gives codecs as their RFC 6381 tags (avc1.640028); people know them by name. */
    private static String codecName(String tag) {
        String family = tag.toLowerCase(Locale.ROOT).split("\\.")[0];
        return switch (family) {
            case "avc1", "avc3", "h264" -> "H.264";
            case "hev1", "hvc1", "h265" -> "H.265";
            case "vp9", "vp09" -> "VP9";
            case "av01" -> "AV1";
            case "vp8" -> "VP8";
            default -> family;
        };
    }
}
