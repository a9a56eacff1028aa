package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Answers in the shapes IntelliVision's own server gives: its envelope
 * {@code {status, job_type, output_image, output_video, data, meta, error}} for its views, and
 * Django REST framework's {@code {"detail": ...}} for what the framework itself refuses.
 */
final class Replies {

    private static final String STARTED = "started";

    private Replies() {}

    static ObjectNode envelope(Context ctx, String status, String jobType, JsonNode data) {
        ObjectNode envelope = JobJson.mapper().createObjectNode();
        envelope.put("status", status);
        envelope.put("job_type", jobType);
        envelope.putNull("output_image");
        envelope.putNull("output_video");
        envelope.set("data", data == null ? JobJson.mapper().createObjectNode() : data);
        Long started = ctx.attribute(STARTED);
        double took = started == null ? 0 : (System.nanoTime() - started) / 1e9;
        envelope.putObject("meta").put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("request_time", took);
        envelope.putNull("error");
        return envelope;
    }

    /** A view's refusal: the envelope with {@code error: {message, code}}. */
    static void failure(Context ctx, int httpStatus, String jobType, String message, String code) {
        ObjectNode envelope = envelope(ctx, "failed", jobType, null);
        envelope.putObject("error").put("message", message).put("code", code);
        json(ctx, httpStatus, envelope);
    }

    /** The framework's refusal: {@code {"detail": ...}}. */
    static void detail(Context ctx, int httpStatus, String detail) {
        json(ctx, httpStatus, JobJson.mapper().createObjectNode().put("detail", detail));
    }

    static void json(Context ctx, int httpStatus, JsonNode body) {
        ctx.status(httpStatus).contentType("application/json").result(body.toString());
    }

    /** Marks when a request started, for the envelope's {@code request_time}. */
    static void markStart(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }
}
