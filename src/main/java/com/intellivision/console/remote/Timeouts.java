package com.intellivision.console.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the clients wait.
 *
 * @param connect to open a connection
 * @param poll for the whole of a quick request (reading a job, the job list, a delete, every Flower call),
 *             so that polling notices a stuck server soon
 * @param submit for an answer to a submission or a download; a frame's submission takes seconds because the
 *               server checks the link with yt-dlp first. An upload has no limit as a whole, only this long
 *               without progress
 */
public record Timeouts(Duration connect, Duration poll, Duration submit) {

    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));

    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(poll, "poll");
        requirePositive(submit, "submit");
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be longer than zero, not " + timeout);
        }
    }
}
