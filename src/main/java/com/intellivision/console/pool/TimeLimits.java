package com.intellivision.console.pool;

import com.intellivision.console.job.JobType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each type of job may run, as Celery's {@code task_soft_time_limit} and {@code task_time_limit}:
 * past the soft limit the worker is asked to stop the job; past the hard limit it is killed.
 */
public final class TimeLimits {

    /** Limits of one job type. */
    public record Limit(Duration soft, Duration hard) {
        public Limit {
            if (soft.isNegative() || soft.isZero() || hard.compareTo(soft) < 0) {
                throw new IllegalArgumentException("time limits need 0 < soft <= hard, not " + soft + " and " + hard);
            }
        }
    }

    public static final TimeLimits DEFAULT = new TimeLimits(Map.of(
            JobType.YOUTUBE_FRAME_EXTRACTION, new Limit(Duration.ofMinutes(2), Duration.ofMinutes(3)),
            JobType.PEOPLE_COUNT, new Limit(Duration.ofHours(1), Duration.ofMinutes(75))));

    private final Map<JobType, Limit> limits;

    private TimeLimits(Map<JobType, Limit> limits) {
        this.limits = new EnumMap<>(limits);
    }

    public Limit of(JobType type) {
        return limits.get(type);
    }

    public TimeLimits with(JobType type, Limit limit) {
        Map<JobType, Limit> changed = new EnumMap<>(limits);
        changed.put(type, limit);
        return new TimeLimits(changed);
    }
}
