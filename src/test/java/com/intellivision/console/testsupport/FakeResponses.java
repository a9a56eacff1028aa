package com.intellivision.console.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers in the recorded IntelliVision server's shapes: its envelope, DRF's errors, Django's pages. */
final class FakeResponses {

    private FakeResponses() {}

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json")
                .setHeader("Vary", "Accept, Origin")
                .body(body).build();
    }

    static MockResponse unauthorized(String body) {
        return json(401, body).newBuilder().setHeader("WWW-Authenticate", "Bearer realm=\"api\"").build();
    }

    static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html").body(body).build();
    }

    /** {@code {status, job_type, output_image, output_video, data, meta:{timestamp, request_time}, error}}. */
    static ObjectNode envelopeNode(String status, String jobType, JsonNode data) {
        ObjectNode envelope = JobJson.mapper().createObjectNode();
        envelope.put("status", status);
        envelope.put("job_type", jobType);
        envelope.putNull("output_image");
        envelope.putNull("output_video");
        envelope.set("data", data);
        envelope.putObject("meta").put("timestamp", Instant.now().toString()).put("request_time", 0.0021);
        envelope.putNull("error");
        return envelope;
    }

    static MockResponse envelope(int code, String status, String jobType, JsonNode data, JsonNode error) {
        ObjectNode envelope = envelopeNode(status, jobType, data);
        if (error != null) {
            envelope.set("error", error);
        }
        return json(code, envelope.toString());
    }

    static ObjectNode error(String message, String code) {
        return JobJson.mapper().createObjectNode().put("message", message).put("code", code);
    }

    static JsonNode jsonBody(RecordedRequest request) {
        try {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            return body.isBlank() ? JobJson.mapper().createObjectNode() : JobJson.mapper().readTree(body);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
