package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The health of a queue at one moment.
 *
 * @param completedLastMinute jobs that completed in the last 60 seconds
 * @param failedLastMinute jobs that failed in the last 60 seconds
 * @param failureRate15Minutes failed / (completed + failed) over the last 15 minutes; 0 when none ended
 */
public record QueueFigures(
        int pending,
        int processing,
        @JsonProperty("completed_last_minute") int completedLastMinute,
        @JsonProperty("failed_last_minute") int failedLastMinute,
        @JsonProperty("failure_rate_15m") double failureRate15Minutes,
        @JsonProperty("dead_letters") int deadLetters) {

    public static final QueueFigures EMPTY = new QueueFigures(0, 0, 0, 0, 0, 0);
}
