package com.intellivision.console.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Request bodies: JSON read as Django REST framework reads it, refused the way it refuses. */
final class Bodies {

    private static final String EXAMPLE = "{\"youtube_url\": \"https://www.youtube.com/watch?v=...\"}";

    private Bodies() {}

    /** Where {@link ApiServer} puts the largest body it takes, for bodies sent in chunks without a length. */
    static final String LIMIT = "bodies.max-bytes";

    /** The JSON body, an empty object for none. @throws Unreadable when it is not JSON, TooLarge when over the limit */
    static JsonNode json(Context ctx) {
        String body = utf8(bounded(ctx));
        if (body.isBlank()) {
            return JobJson.mapper().createObjectNode();
        }
        try {
            JsonNode parsed = JobJson.mapper().readTree(body);
            return parsed == null ? JobJson.mapper().createObjectNode() : parsed;
        } catch (StreamConstraintsException overConstraint) {
            // Nesting is what can pass the size limit: strings and numbers that long cannot.
            throw new Unreadable("JSON parse error - nested deeper than " + StreamReadConstraints.DEFAULT_MAX_DEPTH
                    + " levels; send one flat object such as " + EXAMPLE + ".");
        } catch (JsonProcessingException malformed) {
            // Position only: the parser's own message quotes the body.
            String where = malformed.getLocation() == null ? ""
                    : " - line " + malformed.getLocation().getLineNr() + " column " + malformed.getLocation().getColumnNr();
            String why = String.valueOf(malformed.getOriginalMessage()).contains("UTF-8")
                    ? ": the body is not UTF-8 text; send it encoded as UTF-8" : "; send JSON such as " + EXAMPLE;
            throw new Unreadable("JSON parse error" + where + why + ".");
        }
    }

    /** The text field {@code name} of {@code body}, stripped; empty when absent. @throws Unreadable when it is not text */
    static String text(JsonNode body, String name) {
        JsonNode field = body.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return "";
        } else if (!field.isTextual()) {
            String given = switch (field.getNodeType()) {
                case NUMBER -> "a number";
                case ARRAY -> "a list";
                case BOOLEAN -> "true or false";
                default -> "an object";
            };
            throw new Unreadable(name + " must be a link in quotes, such as " + EXAMPLE + ", not " + given + ".");
        }
        return field.asText().strip();
    }

    /** The body's bytes, refused when its stated length or, sent in chunks without one, what arrives passes the limit. */
    private static byte[] bounded(Context ctx) {
        Long limit = ctx.attribute(LIMIT);
        if (limit == null) {
            return ctx.bodyAsBytes();
        } else if (ctx.contentLength() > limit) {
            throw new TooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (read.length > limit) {
                throw new TooLarge();
            }
            return read;
        } catch (IOException unreadable) {
            throw new Unreadable("The request's body could not be read (" + unreadable.getMessage() + "); send it again.");
        }
    }

    /** Strictly: a body that is not UTF-8 is refused, rather than read with its bytes replaced. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("JSON parse error: the body is not UTF-8 text; send it encoded as UTF-8.");
        }
    }

    /** A body over the limit; answered 413 as Jetty answers one whose stated length is. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit");
        }
    }

    /** A body that cannot be read; answered 400 with {@code detail}. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String detail) {
            super(detail);
        }
    }
}
