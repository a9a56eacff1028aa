package com.intellivision.console.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** What a client asks for: a job type, the video's URL (or local path) and the type's own settings. */
public record JobRequest(JobType type, String url, ObjectNode params) {

    public JobRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        params = params == null ? JobJson.mapper().createObjectNode() : params.deepCopy();
    }

    /** A frame extraction of {@code url}; null settings mean a PNG a tenth of the way in. */
    public static JobRequest frame(String url, FrameParams frameParams) {
        FrameParams settings = frameParams == null ? FrameParams.at(null) : frameParams;
        return new JobRequest(JobType.YOUTUBE_FRAME_EXTRACTION, url.strip(), JobJson.mapper().valueToTree(settings));
    }

    /** A people count of {@code url}; null settings mean HOG at the default sample rate. */
    public static JobRequest count(String url, CountParams countParams) {
        CountParams settings = countParams == null ? CountParams.defaults() : countParams;
        return new JobRequest(JobType.PEOPLE_COUNT, url.strip(), JobJson.mapper().valueToTree(settings));
    }

    /** Any other analysis, as a server runs it, with that type's own settings (lines, zones), or none. */
    public static JobRequest analysis(JobType type, String url, ObjectNode params) {
        return new JobRequest(type, url.strip(), params);
    }

    public FrameParams frameParams() {
        return FrameParams.from(params);
    }

    public CountParams countParams() {
        return CountParams.from(params);
    }
}
