package com.intellivision.console.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the embedded local pool starts: its size and its workers' memory limits. The pool reads them at
 * start; the command line's own options win over them.
 *
 * @param workers worker processes, or 0 for one per core
 * @param softMemoryLimitMiB a worker above this after a job is replaced before its next
 * @param hardMemoryLimitMiB a worker above this during a job is stopped and the job fails
 */
public record LocalPoolSettings(
        int workers,
        @JsonProperty("soft_memory_limit_mib") long softMemoryLimitMiB,
        @JsonProperty("hard_memory_limit_mib") long hardMemoryLimitMiB) {

    public static final int MAX_WORKERS = 64;
    /** Below this a worker's JVM and FFmpeg cannot run a job at all. */
    public static final long MIN_MEMORY_LIMIT_MIB = 128;
    /** One worker per core, a 1 GiB soft and 2 GiB hard limit: what the pool does when told nothing. */
    public static final LocalPoolSettings DEFAULTS = new LocalPoolSettings(0, 1024, 2048);

    public LocalPoolSettings {
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 0 (one per core) to " + MAX_WORKERS + ", not " + workers);
        }
        if (softMemoryLimitMiB < MIN_MEMORY_LIMIT_MIB || hardMemoryLimitMiB < softMemoryLimitMiB) {
            throw new IllegalArgumentException("memory limits need " + MIN_MEMORY_LIMIT_MIB + " MiB <= soft <= hard, not soft "
                    + softMemoryLimitMiB + " and hard " + hardMemoryLimitMiB);
        }
    }

    /** For people, e.g. "4 workers, limits 1024/2048 MiB". */
    public String describe() {
        String size = workers == 0 ? "one worker per core" : workers == 1 ? "1 worker" : workers + " workers";
        return size + ", limits " + softMemoryLimitMiB + "/" + hardMemoryLimitMiB + " MiB";
    }

    /** The pool's size on a machine with {@code cores} cores. */
    public int workersFor(int cores) {
        return workers == 0 ? cores : workers;
    }
}
