package com.intellivision.console.remote;

import okhttp3.HttpUrl;

/** The address of a server as people type it, made one that paths resolve against. */
final class BaseUrls {

    private BaseUrls() {}

    /** {@code text} as an http(s) URL ending in a slash, without query or fragment. */
    static HttpUrl parse(String text, String service) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw new IllegalArgumentException("'" + text + "' is not the address of " + service
                    + "; give one such as http://host:port");
        }
        HttpUrl.Builder base = url.newBuilder().query(null).fragment(null);
        if (!url.encodedPath().endsWith("/")) {
            base.addPathSegment("");
        }
        return base.build();
    }

    /** Whether {@code url} is on the same server as {@code base}, to which alone credentials may go. */
    static boolean sameOrigin(HttpUrl url, HttpUrl base) {
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }
}
