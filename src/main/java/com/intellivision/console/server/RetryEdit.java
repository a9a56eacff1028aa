package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import java.util.Objects;
import java.util.Optional;

/**
 * The edited inputs of {@code POST /api/jobs/<id>/retry/}: {@code youtube_url} and {@code params} (the
 * pool's settings, laid over the old job's), each optional. A link goes through the same guard as a
 * submission's; an upload is kept unless a link replaces it. The detector is a file on this machine,
 * so clients cannot name another one, as they cannot when they submit.
 */
final class RetryEdit {

    static final String INVALID_PARAMS = "INVALID_PARAMS";

    private RetryEdit() {}

    /** Whether the body asks for edits at all; without them the job is retried in place. */
    static boolean requested(JsonNode body) {
        return body.has("youtube_url") || body.has("params");
    }

    /**
     * The request to run, before the domain's own checks.
     *
     * @throws Refused saying what is wrong, with the API's error code
     * @throws RefusedUrlException when the link guard refuses the link
     */
    static JobRequest of(Job original, JsonNode body, LinkCheck links) {
        JsonNode givenParams = body.path("params");
        if (!givenParams.isMissingNode() && !givenParams.isNull() && !givenParams.isObject()) {
            throw new Refused(INVALID_PARAMS, "params must be an object of the job's settings, such as {\"at_seconds\": 90}");
        }
        ObjectNode params = original.params() == null ? null : original.params().deepCopy();
        if (givenParams.isObject()) {
            params = params == null ? (ObjectNode) givenParams.deepCopy() : params.setAll((ObjectNode) givenParams.deepCopy());
        }
        JsonNode givenLink = body.path("youtube_url");
        String source;
        if (givenLink.isMissingNode() || givenLink.isNull()) {
            source = original.youtubeUrl();
            if (!JobView.isUpload(original)) {
                links.check(source);
            }
        } else {
            source = givenLink.asText("").strip();
            if (source.isEmpty()) {
                throw new Refused("MISSING_URL", "youtube_url is empty; leave it out to keep the job's video, or give a link");
            }
            links.check(source);
        }
        JobRequest request = new JobRequest(original.type(), source, params);
        if (original.type() == JobType.PEOPLE_COUNT && !Objects.equals(detectorOf(original.params()), detectorOf(params))) {
            throw new Refused(INVALID_PARAMS, "This server counts people with its own detector; leave detector_model out");
        }
        return request;
    }

    private static Optional<String> detectorOf(ObjectNode params) {
        try {
            return Optional.ofNullable(new JobRequest(JobType.PEOPLE_COUNT, "-", params).countParams().detectorModel());
        } catch (IllegalArgumentException unreadable) {
            // The settings' own check says what is wrong with them, after this one.
            return Optional.ofNullable(params == null ? null : params.path("detector_model").asText(null));
        }
    }

    /** A refused edit: its message, for people, and the API's error code. */
    static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
