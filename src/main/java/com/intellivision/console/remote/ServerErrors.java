package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words an IntelliVision server's error answers for people. The server says what went wrong in one of
 * three shapes: its envelope ({@code error: {message, code}}), Django REST framework's {@code detail}
 * (with simplejwt's {@code code} and {@code messages}), or field errors ({@code {"refresh": ["This field
 * is required."]}}). HTML pages (Django's debug and 404 pages) are never shown.
 */
final class ServerErrors {

    private static final String BUSY_CODE = "RESOURCE_UNAVAILABLE";

    /** What the server said went wrong, and its code for it (null when it gave none). */
    record Reason(String message, String code) {
        @Override
        public String toString() {
            return code == null ? message : message + " (" + code + ")";
        }

        /** " (message, CODE)", for a reason that follows what happened. */
        String parenthesized() {
            String text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
            return " (" + (code == null ? text : text + ", " + code) + ")";
        }
    }

    private final HttpTransport transport;

    ServerErrors(HttpTransport transport) {
        this.transport = transport;
    }

    RemoteException of(Reply reply, String action) {
        if (reply.isRedirect()) {
            return transport.redirected(reply, action);
        }
        Optional<Reason> reason = reasonOf(reply);
        String code = reason.map(Reason::code).orElse(null);
        int status = reply.status();
        if (status == 401) {
            return new RemoteException(RemoteException.Kind.UNAUTHORIZED, code, status, "Could not " + action + ": "
                    + (reply.afterRefresh() ? "the server refused even the access token it had just renewed" : "the server refused the access token")
                    + reason.map(Reason::parenthesized).orElse("")
                    + (reply.afterRefresh() ? ". Paste new tokens in the deployment's settings." : ". Paste a new one in the deployment's settings."));
        }
        if (status == 404) {
            return new RemoteException(RemoteException.Kind.NOT_FOUND, code, status, "Could not " + action + ": " + transport.service()
                    + " has nothing at " + reply.url().encodedPath() + " (HTTP 404" + reason.map(r -> ": " + r).orElse("") + ")"
                    + (reply.isHtml() ? ". Check that the address in the deployment's settings is the server's." : "."));
        }
        if (status == 503 && BUSY_CODE.equals(code)) {
            return new RemoteException(RemoteException.Kind.BUSY, code, status,
                    "The server is at capacity and takes no new jobs for now; the console tries again later. The server said: " + reason.get());
        }
        if (status >= 500) {
            return new RemoteException(RemoteException.Kind.SERVER_ERROR, code, status, "Could not " + action + ": " + transport.service()
                    + " failed (HTTP " + status + ")" + reason.map(r -> ": " + r).orElse(reply.isHtml() ? " with an error page; its log says why" : "")
                    + ". Try again later.");
        }
        return new RemoteException(RemoteException.Kind.REJECTED, code, status, "Could not " + action + ": the server refused the request (HTTP "
                + status + ")" + reason.map(r -> ": " + r).orElse("") + ".");
    }

    static Optional<Reason> reasonOf(Reply reply) {
        if (reply.isHtml()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = JobJson.mapper().readTree(reply.body());
        } catch (IOException notJson) {
            return reply.readableText().map(text -> new Reason(text, null));
        }
        if (body == null || body.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode error = body.path("error");
        if (error.path("message").isTextual()) {
            return Optional.of(new Reason(error.path("message").asText(), textOrNull(error.path("code"))));
        }
        if (body.path("detail").isTextual()) {
            return Optional.of(new Reason(detailOf(body), textOrNull(body.path("code"))));
        }
        return fieldErrorsOf(body).map(errors -> new Reason(errors, null));
    }

    /** simplejwt puts the telling part ("Token is invalid or expired") in {@code messages}, below a vaguer detail. */
    private static String detailOf(JsonNode body) {
        String detail = body.path("detail").asText();
        JsonNode first = body.path("messages").path(0).path("message");
        return first.isTextual() && !first.asText().equals(detail) ? detail + ": " + first.asText() : detail;
    }

    /** Django REST framework's field errors: each field with a list of messages. */
    private static Optional<String> fieldErrorsOf(JsonNode body) {
        List<String> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> messages = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(message -> messages.add(message.asText()));
            }
            if (!messages.isEmpty()) {
                errors.add(field.getKey() + ": " + String.join(" ", messages));
            }
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
