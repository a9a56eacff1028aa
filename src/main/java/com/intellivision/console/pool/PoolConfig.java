package com.intellivision.console.pool;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded pool runs.
 *
 * @param dataDir where the job store and the extracted frames live
 * @param workerCount how many worker processes to keep
 * @param workerHeapMiB the heap cap of each worker JVM ({@code -Xmx}); native video buffers come on top
 * @param ytDlpCommand the yt-dlp program: a name looked up on the workers' PATH, or a path
 * @param workerEnvironment variables set for worker processes on top of the console's own
 */
public record PoolConfig(
        Path dataDir, int workerCount, int workerHeapMiB, String ytDlpCommand, Map<String, String> workerEnvironment) {

    public static final int DEFAULT_WORKER_HEAP_MIB = 256;

    public PoolConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (workerCount < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workerCount);
        }
        workerEnvironment = Map.copyOf(workerEnvironment);
    }

    /** One worker per core, the default heap cap and yt-dlp from the PATH. */
    public static PoolConfig defaults(Path dataDir) {
        return new PoolConfig(dataDir, Runtime.getRuntime().availableProcessors(), DEFAULT_WORKER_HEAP_MIB, "yt-dlp", Map.of());
    }

    public PoolConfig withWorkerCount(int count) {
        return new PoolConfig(dataDir, count, workerHeapMiB, ytDlpCommand, workerEnvironment);
    }

    public PoolConfig withYtDlpCommand(String command) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, command, workerEnvironment);
    }

    public PoolConfig withWorkerEnvironment(Map<String, String> environment) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlpCommand, environment);
    }

    public Path databaseFile() {
        return dataDir.resolve("jobs.db");
    }

    public Path framesDir() {
        return dataDir.resolve("frames");
    }
}
