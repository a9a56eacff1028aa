package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The health of a queue at one moment.
 *
 * @param completedLastMinute jobs that completed in the last 60 seconds
 * @param failedLastMinute jobs that failed in the last 60 seconds
 * @param failureRate15Minutes failed / (completed + failed) over the last 15 minutes; 0 when none ended
 * @param brokerQueued tasks waiting in the deployment's message broker (Celery's queues), or
 *     {@link #UNKNOWN} where the deployment has no broker or does not report it
 */
public record QueueFigures(
        int pending,
        int processing,
        @JsonProperty("completed_last_minute") int completedLastMinute,
        @JsonProperty("failed_last_minute") int failedLastMinute,
        @JsonProperty("failure_rate_15m") double failureRate15Minutes,
        @JsonProperty("dead_letters") int deadLetters,
        @JsonProperty("broker_queued") int brokerQueued) {

    public static final int UNKNOWN = -1;
    public static final QueueFigures EMPTY = new QueueFigures(0, 0, 0, 0, 0, 0, UNKNOWN);

    public QueueFigures(int pending, int processing, int completedLastMinute, int failedLastMinute, double failureRate15Minutes,
            int deadLetters) {
        this(pending, processing, completedLastMinute, failedLastMinute, failureRate15Minutes, deadLetters, UNKNOWN);
    }

    /** Jobs waiting to start: the broker's count where it is known, else the pending jobs. */
    public int backlog() {
        return brokerQueued == UNKNOWN ? pending : Math.max(pending, brokerQueued);
    }

    public QueueFigures withBrokerQueued(int queued) {
        return new QueueFigures(pending, processing, completedLastMinute, failedLastMinute, failureRate15Minutes, deadLetters, queued);
    }
}
