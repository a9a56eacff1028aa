package com.intellivision.console.deployment.intellivision;

import java.time.Duration;

/**
 * How often a server is asked about its jobs: each unfinished job soon after it changed, then less
 * often while it stays as it is; the whole list now and then, and instead of single jobs when many
 * are due at once, but never more often than {@code listGap}.
 *
 * @param tick how often the poller looks at what is due
 * @param listInsteadAbove with more jobs than this due at once, one request for the list answers for all
 * @param listingGrace a job missing from the list this soon after the console saw it may only be too new to be listed
 * @param maxBackoff while calls fail, the console waits longer and longer between them, at most this
 */
public record PollingPace(Duration tick, Duration firstInterval, Duration maxInterval, Duration listEvery, Duration listGap,
        int listInsteadAbove, Duration listingGrace, Duration maxBackoff) {

    /** Quick enough that a finished job shows within a second or two; light enough for hundreds of running jobs. */
    public static PollingPace every(Duration tick) {
        return new PollingPace(tick, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(30), Duration.ofSeconds(2), 4,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
