package com.intellivision.console.pool;

import java.time.Duration;

/**
 * How workers read videos over the network.
 *
 * @param readTimeout how long a video's server may stay silent, or trickle, before its job fails
 * @param downloadLimitBytes the largest video downloaded whole from a server that cannot seek (ignores Range requests)
 */
public record StreamLimits(Duration readTimeout, long downloadLimitBytes) {

    /** 20 s and 2 GiB; the worker's media code explains both. */
    public static final StreamLimits DEFAULT = new StreamLimits(Duration.ofSeconds(20), 2L << 30);

    public StreamLimits {
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive, not " + readTimeout);
        }
        if (downloadLimitBytes < 0) {
            throw new IllegalArgumentException("the download limit cannot be negative, not " + downloadLimitBytes);
        }
    }
}
