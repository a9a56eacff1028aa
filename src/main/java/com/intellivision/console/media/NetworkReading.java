package com.intellivision.console.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker reads videos over the network.
 *
 * @param readTimeout how long a server may stay silent, or send less than {@link PacedInput#MIN_BYTES_PER_WINDOW},
 *     before the job gives up on it; FFmpeg's own HTTP reading gets it too
 * @param spoolLimitBytes the largest video downloaded whole from a server that cannot seek
 * @param spoolFolder where such downloads are kept while the job runs
 */
public record NetworkReading(Duration readTimeout, long spoolLimitBytes, Path spoolFolder) {

    /**
     * 20 s: long enough for a busy server's first byte, a CDN fetching from its origin or a reconnect
     * on a flaky link (all usually a few seconds), short enough that a dead server fails a frame job
     * well inside its two-minute time limit, with a reason, rather than being killed by it.
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** 2 GiB: an hour of 1080p at a usual 4 Mbit/s, without filling a small disk. */
    public static final long DEFAULT_SPOOL_LIMIT_BYTES = 2L << 30;

    public NetworkReading {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(spoolFolder, "spoolFolder");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive, not " + readTimeout);
        }
        if (spoolLimitBytes < 0) {
            throw new IllegalArgumentException("the download limit cannot be negative, not " + spoolLimitBytes);
        }
    }

    public static NetworkReading defaults(Path spoolFolder) {
        return new NetworkReading(DEFAULT_READ_TIMEOUT, DEFAULT_SPOOL_LIMIT_BYTES, spoolFolder);
    }

    int readTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }
}
