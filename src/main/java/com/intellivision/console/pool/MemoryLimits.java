package com.intellivision.console.pool;

/**
 * Resident-memory limits of a worker process, as Celery's {@code worker_max_memory_per_child} but in
 * two steps: above the soft limit after a job, the worker is replaced before it takes another; above
 * the hard limit during a job, it is killed at once and the job fails.
 */
public record MemoryLimits(long softBytes, long hardBytes) {

    private static final long MIB = 1024 * 1024;

    public static final MemoryLimits DEFAULT = ofMiB(1024, 2048);

    public MemoryLimits {
        if (softBytes <= 0 || hardBytes < softBytes) {
            throw new IllegalArgumentException("memory limits need 0 < soft <= hard, not soft " + softBytes + " and hard " + hardBytes);
        }
    }

    public static MemoryLimits ofMiB(long softMiB, long hardMiB) {
        return new MemoryLimits(softMiB * MIB, hardMiB * MIB);
    }

    public static long toMiB(long bytes) {
        return bytes / MIB;
    }
}
