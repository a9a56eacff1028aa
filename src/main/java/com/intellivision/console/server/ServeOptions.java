package com.intellivision.console.server;

/**
 * How a {@code serve} listens and what it takes.
 *
 * @param host the address to listen on: loopback by default, so nothing outside this machine reaches it unless asked
 * @param port 0 for any free port
 * @param allowPrivateUrls fetch links to this machine and its networks too (for a lab, never on a shared host)
 * @param maxJsonBytes the largest JSON body taken
 * @param maxUploadBytes the largest uploaded video taken
 * @param maxRequestsPerClient how many requests one client address may have under way at once; more are answered 429
 */
public record ServeOptions(String host, int port, boolean allowPrivateUrls, long maxJsonBytes, long maxUploadBytes, int maxRequestsPerClient) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_JSON_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;
    /** Enough for a console (its live feed, polls and image downloads) and a few scripts behind one address. */
    public static final int DEFAULT_MAX_REQUESTS_PER_CLIENT = 16;

    public ServeOptions {
        if (maxRequestsPerClient < 1) {
            throw new IllegalArgumentException("the requests a client may have under way at once must be 1 or more, not " + maxRequestsPerClient);
        }
    }

    public static ServeOptions onPort(int port) {
        return new ServeOptions(LOOPBACK, port, false, DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_REQUESTS_PER_CLIENT);
    }

    public ServeOptions allowingPrivateUrls(boolean allow) {
        return new ServeOptions(host, port, allow, maxJsonBytes, maxUploadBytes, maxRequestsPerClient);
    }

    public ServeOptions on(String newHost) {
        return new ServeOptions(newHost, port, allowPrivateUrls, maxJsonBytes, maxUploadBytes, maxRequestsPerClient);
    }

    public ServeOptions withMaxRequestsPerClient(int limit) {
        return new ServeOptions(host, port, allowPrivateUrls, maxJsonBytes, maxUploadBytes, limit);
    }
}
