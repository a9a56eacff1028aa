package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is in its life, and the one place that says where it may go next: the store refuses a
 * change these rules do not allow, and the views offer only the actions they allow. The wire names are
 * IntelliVision's.
 */
public enum JobStatus {
    PENDING("pending"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The statuses a job in this one may move to. */
    public Set<JobStatus> next() {
        return switch (this) {
            // Claimed by a worker, or cancelled before it started.
            case PENDING -> EnumSet.of(PROCESSING, CANCELLED);
            // Ended by its worker, or queued again after a lost worker or a console that closed.
            case PROCESSING -> EnumSet.of(COMPLETED, FAILED, CANCELLED, PENDING);
            // Retried in place.
            case FAILED, CANCELLED -> EnumSet.of(PENDING);
            // A result is never thrown away; it can only be run again as a new job.
            case COMPLETED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    public boolean canMoveTo(JobStatus status) {
        return next().contains(status);
    }

    /** A terminal job never changes again unless someone retries it. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** A job is cancelled while it waits or runs. */
    public boolean canBeCancelled() {
        return !isTerminal() && canMoveTo(CANCELLED);
    }

    /** A job that ended without a result runs again in place. */
    public boolean canBeRetried() {
        return isTerminal() && canMoveTo(PENDING);
    }

    /** Any ended job, with a result or without, runs again with changes as a new job. */
    public boolean canBeRetriedWithChanges() {
        return isTerminal();
    }

    @JsonCreator
    public static JobStatus fromWireName(String name) {
        for (JobStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status: " + name);
    }
}
