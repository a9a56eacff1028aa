package com.intellivision.console.remote;

/**
 * Why a call to a remote server failed. The message is for people: it says what happened and what to do,
 * with the server's own message and code, and never holds a token, a password or an HTML page.
 */
public final class RemoteException extends RuntimeException {

    /** {@link #httpStatus()} when no answer came at all. */
    public static final int NO_STATUS = 0;

    /** What kind of failure it was, for callers that react to some of them (retry later, ask for tokens). */
    public enum Kind {
        /** The server refused the credentials (HTTP 401), and renewing them did not help. */
        UNAUTHORIZED,
        /** The server has no such thing (HTTP 404). */
        NOT_FOUND,
        /** The server is at capacity and takes no new jobs for now (HTTP 503, {@code RESOURCE_UNAVAILABLE}). */
        BUSY,
        /** The server refused the request as it was (HTTP 4xx). */
        REJECTED,
        /** The server failed (HTTP 5xx). */
        SERVER_ERROR,
        /** The server redirects elsewhere (HTTP 3xx), which the clients do not follow. */
        REDIRECTED,
        /** No connection could be made: refused, unknown host, or broken. */
        UNREACHABLE,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The answer was not the JSON expected. */
        MALFORMED
    }

    private final Kind kind;
    private final String code;
    private final int httpStatus;

    /**
     * @param code the server's error code, such as {@code YOUTUBE_VALIDATION_ERROR}, or null
     * @param httpStatus the answer's status, or {@link #NO_STATUS}
     */
    public RemoteException(Kind kind, String code, int httpStatus, String message) {
        this(kind, code, httpStatus, message, null);
    }

    public RemoteException(Kind kind, String code, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code, or null when it gave none. */
    public String code() {
        return code;
    }

    /** The HTTP status of the answer, or {@link #NO_STATUS} when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
