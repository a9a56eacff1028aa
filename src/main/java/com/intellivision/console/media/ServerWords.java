package com.intellivision.console.media;

import java.net.URI;

/** How messages about a video's server name it and what they advise. */
final class ServerWords {

    static final String RETRY_ADVICE = "The server may be overloaded or the link broken: retry later, or use another copy of the video.";

    private ServerWords() {}

    /** "The server at example.com:8080". */
    static String server(VideoSource source) {
        String authority = URI.create(source.input()).getRawAuthority();
        return "The server at " + (authority == null ? source.input() : authority);
    }

    /** @param announcedBytes the length the server announced (Content-Length), or -1 */
    static String tooSlow(VideoSource source, PacedInput.TooSlow slow, long announcedBytes) {
        String unfulfilled = announcedBytes > slow.received()
                ? ", of the " + Sizes.of(announcedBytes) + " it announced" : "";
        return server(source) + " " + slow.getMessage() + unfulfilled + " (reading " + source.title() + "). " + RETRY_ADVICE;
    }
}
