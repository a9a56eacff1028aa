package com.intellivision.console.deployment;

import com.intellivision.console.job.JobType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployment can do, so that the window offers only that, and a short reason, for people, for
 * each thing it cannot. Start from {@link #full(Set)} and take away what a deployment lacks.
 *
 * @param jobTypes the kinds of job it accepts
 * @param missing what it cannot do, each with why
 * @param cancel what cancelling does there (only meaningful while it can cancel)
 * @param retry what retrying does there (only meaningful while it can retry)
 * @param memory what its memory figures are
 * @param events whether it tells of changes itself or the console has to ask
 */
public record Capabilities(
        Set<JobType> jobTypes,
        Map<Feature, String> missing,
        CancelEffect cancel,
        RetryEffect retry,
        MemoryReading memory,
        EventDelivery events) {

    /** Things a deployment may or may not do. */
    public enum Feature {
        /** A frame at a moment people choose, and filmstrips. */
        CHOSEN_FRAME_TIME,
        CANCEL,
        RETRY,
        /** A retry with changes may change a job's settings (time, frames, sample rate, detector), not only its link. */
        EDITED_SETTINGS,
        BULK_ACTIONS,
        ATTEMPT_HISTORY,
        WORKERS,
        MEMORY_SERIES,
        POOL_CONTROL,
        WORKER_POOL_RESIZE,
        QUEUE_FIGURES
    }

    /** What happens to a job that is cancelled. */
    public enum CancelEffect {
        /** It stops and stays, as cancelled. */
        STOPS_JOB,
        /** The server stops it and deletes it, results and all. */
        DELETES_JOB
    }

    /** What happens to a job that is retried. */
    public enum RetryEffect {
        /** The same job goes back into the queue. */
        IN_PLACE,
        /** A new job with the same inputs is submitted, linked to the old one. */
        RESUBMITS
    }

    /** What a worker's memory figure measures. */
    public enum MemoryReading {
        /** Resident memory of the worker process now, sampled every second. */
        RESIDENT,
        /** The highest resident memory the worker's main process has reached, as Celery reports it. */
        PEAK_OF_MAIN_PROCESS
    }

    /** How changes reach the console. */
    public enum EventDelivery {
        LIVE,
        POLLING
    }

    public Capabilities {
        jobTypes = Collections.unmodifiableSet(jobTypes.isEmpty() ? EnumSet.noneOf(JobType.class) : EnumSet.copyOf(jobTypes));
        missing = Collections.unmodifiableMap(missing.isEmpty() ? new EnumMap<>(Feature.class) : new EnumMap<>(missing));
    }

    /** Every feature, for the given job types: what the local pool can do. */
    public static Capabilities full(Set<JobType> jobTypes) {
        return new Capabilities(jobTypes, Map.of(), CancelEffect.STOPS_JOB, RetryEffect.IN_PLACE, MemoryReading.RESIDENT, EventDelivery.LIVE);
    }

    public boolean has(Feature feature) {
        return !missing.containsKey(feature);
    }

    public boolean accepts(JobType type) {
        return jobTypes.contains(type);
    }

    /** Why the deployment cannot do {@code feature}; empty if it can. */
    public Optional<String> whyNot(Feature feature) {
        return Optional.ofNullable(missing.get(feature));
    }

    public Capabilities without(Feature feature, String reason) {
        Map<Feature, String> more = new EnumMap<>(Feature.class);
        more.putAll(missing);
        more.put(feature, reason);
        return new Capabilities(jobTypes, more, cancel, retry, memory, events);
    }

    public Capabilities withCancel(CancelEffect effect) {
        return new Capabilities(jobTypes, missing, effect, retry, memory, events);
    }

    public Capabilities withRetry(RetryEffect effect) {
        return new Capabilities(jobTypes, missing, cancel, effect, memory, events);
    }

    public Capabilities withMemory(MemoryReading reading) {
        return new Capabilities(jobTypes, missing, cancel, retry, reading, events);
    }

    public Capabilities withEvents(EventDelivery delivery) {
        return new Capabilities(jobTypes, missing, cancel, retry, memory, delivery);
    }
}
