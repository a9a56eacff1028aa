package com.intellivision.console.remote;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * An answer, read whole.
 *
 * @param url the address that answered
 * @param location the {@code Location} header, or null
 * @param afterRefresh the request was sent again with a renewed access token, and this is the answer to that
 */
record Reply(int status, String body, HttpUrl url, String location, boolean afterRefresh) {

    private static final int READABLE_TEXT_LIMIT = 300;

    static Reply read(Response response) throws IOException {
        Response prior = response.priorResponse();
        return new Reply(response.code(), response.body().string(),
                response.request().url(), response.header("Location"), prior != null && prior.code() == 401);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /**
     * Error pages (Django's debug pages, Flower's templates) are HTML, which no message may show. Judged by the
     * body, not the content type: Flower sends its plain-text reasons as {@code text/html} too.
     */
    boolean isHtml() {
        String lower = body.toLowerCase(Locale.ROOT);
        return body.stripLeading().startsWith("<") || lower.contains("<html") || lower.contains("<!doctype");
    }

    /** The body as one short line, when it is plain text worth showing people. */
    Optional<String> readableText() {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || isHtml()) {
            return Optional.empty();
        }
        return Optional.of(text.length() <= READABLE_TEXT_LIMIT ? text : text.substring(0, READABLE_TEXT_LIMIT) + "…");
    }
}
