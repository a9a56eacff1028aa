package com.intellivision.console.ui.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.intellivision.console.ui.common.PlainNumber;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One condition worth an alert, as people set it: it fires once the value has stayed above the
 * threshold for the hold time, and not again within the cooldown of its last firing. A rate rule also
 * waits until enough jobs (or answers) fell in its window, so two failures of the first three jobs
 * are no alarm.
 *
 * @param threshold in the rule's unit: percent for memory and rates, jobs for the queue
 * @param minJobs for a rate rule, how many jobs (or answers) the window must hold first; ignored otherwise
 */
public record AlertRule(
        Kind kind,
        boolean enabled,
        double threshold,
        @JsonProperty("hold_seconds") long holdSeconds,
        @JsonProperty("cooldown_seconds") long cooldownSeconds,
        @JsonProperty("min_jobs") int minJobs) {

    /** How long a rate rule looks back. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    static final long DEFAULT_HOLD_SECONDS = 30;
    static final long DEFAULT_COOLDOWN_SECONDS = 5 * 60;
    static final int DEFAULT_MIN_JOBS = 20;

    /** What a rule watches, with its default threshold. */
    public enum Kind {
        WORKER_MEMORY("Worker memory", "% of its limit", false, false, 80),
        QUEUE_LENGTH("Queue length", "jobs waiting", false, false, 50),
        JOB_FAILURE_RATE("Job failure rate", "% of jobs ended", true, false, 5),
        HTTP_5XX_RATE("HTTP 5xx rate", "% of answers", true, true, 1),
        YOUTUBE_FAILURE_RATE("YouTube job failure rate", "% of YouTube jobs ended", true, true, 5);

        private final String title;
        private final String unit;
        private final boolean rate;
        private final boolean remoteOnly;
        private final double defaultThreshold;

        Kind(String title, String unit, boolean rate, boolean remoteOnly, double defaultThreshold) {
            this.title = title;
            this.unit = unit;
            this.rate = rate;
            this.remoteOnly = remoteOnly;
            this.defaultThreshold = defaultThreshold;
        }

        public String title() {
            return title;
        }

        /** What the threshold counts, as the rules table says it after the number. */
        public String unit() {
            return unit;
        }

        /** A share of jobs or answers over {@link #RATE_WINDOW}, which needs {@link AlertRule#minJobs()} of them. */
        public boolean isRate() {
            return rate;
        }

        /** Watched on remote deployments only. */
        public boolean remoteOnly() {
            return remoteOnly;
        }

        public AlertRule byDefault() {
            return new AlertRule(this, true, defaultThreshold, DEFAULT_HOLD_SECONDS, DEFAULT_COOLDOWN_SECONDS, rate ? DEFAULT_MIN_JOBS : 0);
        }
    }

    /** Every rule as it comes, in the order the table lists them. */
    public static List<AlertRule> defaults() {
        return Arrays.stream(Kind.values()).map(Kind::byDefault).toList();
    }

    public Duration hold() {
        return Duration.ofSeconds(holdSeconds);
    }

    public Duration cooldown() {
        return Duration.ofSeconds(cooldownSeconds);
    }

    /** The rule's name with its threshold: "Queue longer than 50", "Job failure rate above 5 %". */
    public String describe() {
        return switch (kind) {
            case QUEUE_LENGTH -> "Queue longer than " + PlainNumber.format(threshold);
            case WORKER_MEMORY -> "Worker memory above " + PlainNumber.format(threshold) + " % of its limit";
            default -> kind.title() + " above " + PlainNumber.format(threshold) + " %";
        };
    }

    /** Whether {@code value} (in the rule's unit) over {@code jobs} in the window is the condition the rule watches for. */
    boolean holdsFor(double value, long jobs) {
        return enabled && value > threshold && (!kind.isRate() || jobs >= minJobs);
    }

    public AlertRule withEnabled(boolean on) {
        return new AlertRule(kind, on, threshold, holdSeconds, cooldownSeconds, minJobs);
    }

    public AlertRule withThreshold(double value) {
        return new AlertRule(kind, enabled, value, holdSeconds, cooldownSeconds, minJobs);
    }

    public AlertRule withHoldSeconds(long seconds) {
        return new AlertRule(kind, enabled, threshold, seconds, cooldownSeconds, minJobs);
    }

    public AlertRule withCooldownSeconds(long seconds) {
        return new AlertRule(kind, enabled, threshold, holdSeconds, seconds, minJobs);
    }

    public AlertRule withMinJobs(int jobs) {
        return new AlertRule(kind, enabled, threshold, holdSeconds, cooldownSeconds, jobs);
    }
}
