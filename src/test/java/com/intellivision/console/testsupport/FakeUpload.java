package com.intellivision.console.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * What an analysis submission sent, whether as JSON or as a multipart upload: the link or the file's
 * name, and the other fields, as the server reads them ({@code emergency_lines} and {@code lobby_zones}
 * are JSON in a string).
 */
public record FakeUpload(String link, String fileName, long fileBytes, Map<String, String> fields) {

    public static FakeUpload of(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("multipart/form-data")) {
            return multipart(request, MediaType.get(type).parameter("boundary"));
        }
        JsonNode body = FakeResponses.jsonBody(request);
        Map<String, String> fields = new HashMap<>();
        body.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                : field.getValue().toString()));
        return new FakeUpload(fields.get("youtube_url"), null, 0, fields);
    }

    private static FakeUpload multipart(RecordedRequest request, String boundary) {
        Map<String, String> fields = new HashMap<>();
        String fileName = null;
        long bytes = 0;
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                String name = between(disposition, "name=\"", "\"");
                if (disposition.contains("filename=")) {
                    fileName = between(disposition, "filename=\"", "\"");
                    bytes = part.body().readByteArray().length;
                } else {
                    fields.put(name, part.body().readUtf8());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new FakeUpload(fields.get("youtube_url"), fileName, bytes, fields);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** A field holding JSON, as the server's {@code json.loads} reads it, or null. */
    public JsonNode json(String field) {
        String value = fields.get(field);
        try {
            return value == null ? null : JobJson.mapper().readTree(value);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    public Integer number(String field) {
        String value = fields.get(field);
        return value == null ? null : (int) Double.parseDouble(value);
    }
}
