package com.intellivision.console.server;

/**
 * A submitted URL this server will not fetch. The message is meant for the person who submitted it:
 * it says what was refused and what to do instead; the code is the API's error code.
 */
public final class RefusedUrlException extends RuntimeException {

    /** The URL leads to an address that is not on the public internet. */
    public static final String PRIVATE_URL_REFUSED = "PRIVATE_URL_REFUSED";
    /** The URL is malformed, is not http(s), or names a host that does not exist. */
    public static final String INVALID_YOUTUBE_URL = "INVALID_YOUTUBE_URL";

    private final String code;

    public RefusedUrlException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static RefusedUrlException invalid(String message) {
        return new RefusedUrlException(INVALID_YOUTUBE_URL, message);
    }
}
