package com.intellivision.console.pool;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded pool runs. Build one with {@link #defaults(Path)} and the {@code with...} methods.
 *
 * @param dataDir where the job store and the extracted frames live
 * @param workerCount how many worker processes to keep
 * @param workerHeapMiB the heap cap of each worker JVM ({@code -Xmx}); native video buffers come on top
 * @param ytDlp how workers run yt-dlp
 * @param workerEnvironment variables set for worker processes on top of the console's own
 * @param memoryLimits when a worker is recycled or killed for its resident memory
 * @param maxTasksPerChild a worker is recycled after this many jobs; 0 for never
 * @param maxRetries how often a job whose worker was lost is run again before it fails for good
 * @param timeLimits how long each type of job may run
 * @param streamLimits how workers read videos over the network
 * @param openCvThreads how many threads OpenCV uses inside each worker; 0 leaves OpenCV's own choice (one per core),
 *     which oversubscribes the cores when several workers count at once
 */
public record PoolConfig(
        Path dataDir,
        int workerCount,
        int workerHeapMiB,
        YtDlpConfig ytDlp,
        Map<String, String> workerEnvironment,
        MemoryLimits memoryLimits,
        int maxTasksPerChild,
        int maxRetries,
        TimeLimits timeLimits,
        StreamLimits streamLimits,
        int openCvThreads) {

    public static final int DEFAULT_WORKER_HEAP_MIB = 256;
    public static final int DEFAULT_MAX_TASKS_PER_CHILD = 200;
    public static final int DEFAULT_MAX_RETRIES = 2;

    public PoolConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(memoryLimits, "memoryLimits");
        Objects.requireNonNull(timeLimits, "timeLimits");
        Objects.requireNonNull(ytDlp, "ytDlp");
        Objects.requireNonNull(streamLimits, "streamLimits");
        if (workerCount < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workerCount);
        }
        if (openCvThreads < 0) {
            throw new IllegalArgumentException("OpenCV threads per worker cannot be negative, not " + openCvThreads);
        }
        if (maxTasksPerChild < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("max tasks per child and max retries cannot be negative");
        }
        workerEnvironment = Map.copyOf(workerEnvironment);
    }

    /** One worker per core, the default limits and yt-dlp from the PATH. */
    public static PoolConfig defaults(Path dataDir) {
        return new PoolConfig(dataDir, Runtime.getRuntime().availableProcessors(), DEFAULT_WORKER_HEAP_MIB, YtDlpConfig.DEFAULT, Map.of(),
                MemoryLimits.DEFAULT, DEFAULT_MAX_TASKS_PER_CHILD, DEFAULT_MAX_RETRIES, TimeLimits.DEFAULT,
                StreamLimits.DEFAULT, 0);
    }

    /** The same pool on another data directory, as the demo runs one on a fresh temporary directory. */
    public PoolConfig withDataDir(Path directory) {
        return new PoolConfig(directory, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withWorkerCount(int count) {
        return new PoolConfig(dataDir, count, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withYtDlpCommand(String command) {
        return withYtDlp(new YtDlpConfig(command, ytDlp.maxHeight(), ytDlp.cookiesFile()));
    }

    public PoolConfig withYtDlp(YtDlpConfig config) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, config, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withWorkerEnvironment(Map<String, String> environment) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, environment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withWorkerHeapMiB(int heapMiB) {
        return new PoolConfig(dataDir, workerCount, heapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withMemoryLimits(MemoryLimits limits) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, limits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withMaxTasksPerChild(int tasks) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, tasks, maxRetries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withMaxRetries(int retries) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, retries, timeLimits, streamLimits, openCvThreads);
    }

    public PoolConfig withTimeLimits(TimeLimits limits) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, limits, streamLimits, openCvThreads);
    }

    public PoolConfig withStreamLimits(StreamLimits limits) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, limits, openCvThreads);
    }

    public PoolConfig withOpenCvThreads(int threads) {
        return new PoolConfig(dataDir, workerCount, workerHeapMiB, ytDlp, workerEnvironment, memoryLimits, maxTasksPerChild, maxRetries, timeLimits, streamLimits, threads);
    }

    /** Where workers keep the videos they download whole, from servers that cannot seek, while their job runs. */
    public Path downloadsDir() {
        return dataDir.resolve("downloads");
    }

    /** Where workers keep the links they resolved, for the other workers, until the stream links expire. */
    public Path resolvedDir() {
        return dataDir.resolve("resolved");
    }

    public Path databaseFile() {
        return dataDir.resolve("jobs.db");
    }

    public Path framesDir() {
        return dataDir.resolve("frames");
    }
}
