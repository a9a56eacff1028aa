package com.intellivision.console.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The limits a running job is held to, checked on every tick: above the hard memory limit, or past
 * the hard time limit, its worker is killed; past the soft time limit the job is asked to stop.
 */
final class Limits {

    /** What the engine does to a slot that broke a limit. */
    interface Enforcement {
        void kill(WorkerSlot slot, String reason);

        void stopJob(WorkerSlot slot, String reason);
    }

    private final PoolConfig config;
    private final Enforcement enforcement;

    Limits(PoolConfig config, Enforcement enforcement) {
        this.config = config;
        this.enforcement = enforcement;
    }

    void check(Collection<WorkerSlot> slots, Instant now) {
        for (WorkerSlot slot : slots) {
            if (!slot.isRunningJob() || slot.killReason != null) {
                continue;
            }
            long hard = config.memoryLimits().hardBytes();
            if (slot.rssBytes > hard) {
                enforcement.kill(slot, "Worker exceeded memory limit (" + MemoryLimits.toMiB(slot.rssBytes) + " MiB > "
                        + MemoryLimits.toMiB(hard) + " MiB); the worker was stopped. Try a smaller video or raise the limit.");
                continue;
            }
            TimeLimits.Limit limit = config.timeLimits().of(slot.jobType);
            Duration running = Duration.between(slot.jobStartedAt, now);
            if (running.compareTo(limit.hard()) > 0) {
                enforcement.kill(slot, "The job ran past its hard time limit of " + limit.hard().toSeconds() + " s; the worker was stopped.");
            } else if (running.compareTo(limit.soft()) > 0) {
                enforcement.stopJob(slot, "The job ran past its soft time limit of " + limit.soft().toSeconds() + " s and was stopped.");
            }
        }
    }
}
