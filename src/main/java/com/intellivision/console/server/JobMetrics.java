package com.intellivision.console.server;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The jobs' metrics: how many are in each state, how long finished ones ran, how many finished. Each
 * job's last state is kept by id, because one job changes state several times and may be told twice.
 */
final class JobMetrics {

    /** From a frame grab (a fraction of a second) to a long people count (ten minutes). */
    static final double[] RUNTIME_BUCKETS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};

    private final Map<Long, TrackedJob> jobs = new HashMap<>();
    private final Map<JobStatus, Integer> countByState = new EnumMap<>(JobStatus.class);
    private final Histogram runtime;
    private final Counter finished;

    /** What this serve last knew of a job; {@code processingSince} is null when it never saw it processing. */
    private record TrackedJob(JobStatus status, Instant updatedAt, Instant processingSince) {}

    JobMetrics(PrometheusRegistry registry) {
        for (JobStatus state : JobStatus.values()) {
            countByState.put(state, 0);
        }
        GaugeWithCallback.builder()
                .name("intellivision_jobs")
                .help("Jobs in each state, among those this serve knows: the recent ones at its start and every one changed since.")
                .labelNames("state")
                .callback(callback -> countsNow().forEach((state, count) -> callback.call(count, state.wireName())))
                .register(registry);
        runtime = Histogram.builder()
                .name("intellivision_job_runtime_seconds")
                .help("Runtime of jobs that completed or failed: from when they started processing (the updated_at of their"
                        + " processing state) to the updated_at of their end; from created_at where this serve never saw them processing.")
                .labelNames("job_type")
                .classicOnly()
                .classicUpperBounds(RUNTIME_BUCKETS)
                .register(registry);
        finished = Counter.builder()
                .name("intellivision_jobs_finished_total")
                .help("Jobs that reached an end while this serve watched, by type and outcome.")
                .labelNames("job_type", "outcome")
                .register(registry);
    }

    /** Takes {@code job}'s state as known, without counting it as finished now: it ended before this serve watched. */
    synchronized void seed(Job job) {
        track(job);
    }

    /** A job changed: moves it to its new state, and counts and times it if it has just ended. */
    synchronized void changed(Job job) {
        TrackedJob before = jobs.get(job.id());
        TrackedJob now = track(job);
        if (now == null || !job.isTerminal() || (before != null && before.status() == job.status())) {
            return;
        }
        finished.labelValues(job.type().wireName(), job.status().wireName()).inc();
        if (job.status() != JobStatus.CANCELLED) {
            Instant start = now.processingSince() != null ? now.processingSince() : job.createdAt();
            runtime.labelValues(job.type().wireName()).observe(secondsBetween(start, job.updatedAt()));
        }
    }

    /** Records {@code job}'s state; returns null, changing nothing, for news older than what is known. */
    private TrackedJob track(Job job) {
        TrackedJob before = jobs.get(job.id());
        if (before != null && job.updatedAt().isBefore(before.updatedAt())) {
            return null;
        }
        TrackedJob now = new TrackedJob(job.status(), job.updatedAt(), processingSince(before, job));
        jobs.put(job.id(), now);
        if (before != null) {
            countByState.merge(before.status(), -1, Integer::sum);
        }
        countByState.merge(job.status(), 1, Integer::sum);
        return now;
    }

    /** The local pool sets updated_at only on a change of state, so a processing job's updated_at is when it started. */
    private static Instant processingSince(TrackedJob before, Job job) {
        boolean stillProcessing = before != null && before.status() == JobStatus.PROCESSING && before.processingSince() != null;
        if (job.status() == JobStatus.PROCESSING) {
            return stillProcessing ? before.processingSince() : job.updatedAt();
        }
        return job.isTerminal() && before != null && before.status() == JobStatus.PROCESSING ? before.processingSince() : null;
    }

    private static double secondsBetween(Instant start, Instant end) {
        return Math.max(0, Duration.between(start, end).toNanos() / 1e9);
    }

    private synchronized Map<JobStatus, Integer> countsNow() {
        return new EnumMap<>(countByState);
    }
}
