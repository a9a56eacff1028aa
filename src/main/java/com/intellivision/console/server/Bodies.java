package com.intellivision.console.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import io.javalin.http.Context;

/** Request bodies: JSON read as Django REST framework reads it, refused the way it refuses. */
final class Bodies {

    private Bodies() {}

    /** The JSON body, an empty object for none. @throws Unreadable when it is not JSON */
    static JsonNode json(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return JobJson.mapper().createObjectNode();
        }
        try {
            JsonNode parsed = JobJson.mapper().readTree(body);
            return parsed == null ? JobJson.mapper().createObjectNode() : parsed;
        } catch (JsonProcessingException malformed) {
            // Position only: the parser's own message quotes the body.
            throw new Unreadable("JSON parse error - line " + malformed.getLocation().getLineNr() + " column "
                    + malformed.getLocation().getColumnNr());
        }
    }

    /** A body that cannot be read; answered 400 with {@code detail}. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String detail) {
            super(detail);
        }
    }
}
