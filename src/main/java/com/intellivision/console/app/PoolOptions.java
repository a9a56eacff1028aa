package com.intellivision.console.app;

import com.intellivision.console.media.YtDlpInstaller;
import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.pool.StreamLimits;
import com.intellivision.console.pool.YtDlpConfig;
import com.intellivision.console.ui.settings.LocalPoolSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command that runs the embedded pool shares. */
final class PoolOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where jobs and frames are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir = DataDirectory.standard();

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker processes in the local pool (default: one per core, or the console's setting).")
    Integer workers;

    @Option(names = "--yt-dlp", paramLabel = "PROGRAM",
            description = "The yt-dlp program to resolve YouTube links (default: the one 'update-yt-dlp' installed, else yt-dlp on the PATH).")
    String ytDlp;

    @Option(names = "--max-height", paramLabel = "PIXELS",
            description = "The tallest YouTube stream to read; taller ones cost time for nothing (default: ${DEFAULT-VALUE}).")
    int maxHeight = YtDlpConfig.DEFAULT.maxHeight();

    @Option(names = "--cookies", paramLabel = "FILE", description = "A Netscape cookies file for yt-dlp, for videos that need signing in.")
    Path cookies;

    @Option(names = "--soft-memory-limit", paramLabel = "MIB",
            description = "A worker above this resident memory after a job is replaced before the next (default: 1024, or the console's setting).")
    Long softMemoryLimitMiB;

    @Option(names = "--hard-memory-limit", paramLabel = "MIB",
            description = "A worker above this resident memory during a job is killed and the job fails (default: 2048, or the console's setting).")
    Long hardMemoryLimitMiB;

    @Option(names = "--worker-heap", paramLabel = "MIB", description = "Java heap cap of each worker (default: ${DEFAULT-VALUE}).")
    int workerHeapMiB = PoolConfig.DEFAULT_WORKER_HEAP_MIB;

    @Option(names = "--max-tasks-per-child", paramLabel = "N", description = "Replace a worker after N jobs; 0 for never (default: ${DEFAULT-VALUE}).")
    int maxTasksPerChild = PoolConfig.DEFAULT_MAX_TASKS_PER_CHILD;

    @Option(names = "--max-retries", paramLabel = "N", description = "Run a job again this often when its worker is lost (default: ${DEFAULT-VALUE}).")
    int maxRetries = PoolConfig.DEFAULT_MAX_RETRIES;

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "A video's server silent, or sending under 64 KiB, for this long fails its job (default: ${DEFAULT-VALUE}).")
    int readTimeoutSeconds = (int) StreamLimits.DEFAULT.readTimeout().toSeconds();

    @Option(names = "--download-limit", paramLabel = "MIB",
            description = "The largest video downloaded whole from a server that cannot seek (ignores Range requests) (default: ${DEFAULT-VALUE}).")
    long downloadLimitMiB = StreamLimits.DEFAULT.downloadLimitBytes() >> 20;

    /** Where {@code update-yt-dlp} installs yt-dlp. */
    static Path binDir(Path dataDir) {
        return dataDir.resolve("bin");
    }

    private String ytDlpProgram() {
        if (ytDlp != null) {
            return ytDlp;
        }
        Path installed = binDir(dataDir).resolve(YtDlpInstaller.programName());
        return Files.isExecutable(installed) ? installed.toString() : "yt-dlp";
    }

    PoolConfig toConfig(int defaultWorkers) {
        return toConfig(defaultWorkers, LocalPoolSettings.DEFAULTS);
    }

    /**
     * The pool these options describe; what they leave out comes from {@code saved} (the console's
     * settings), the size {@code defaultWorkers} where neither says.
     */
    PoolConfig toConfig(int defaultWorkers, LocalPoolSettings saved) {
        long soft = softMemoryLimitMiB != null ? softMemoryLimitMiB : saved.softMemoryLimitMiB();
        long hard = hardMemoryLimitMiB != null ? hardMemoryLimitMiB : Math.max(soft, saved.hardMemoryLimitMiB());
        if (soft <= 0 || hard < soft) {
            throw new IllegalArgumentException("--hard-memory-limit (" + hard + " MiB) must be at least --soft-memory-limit (" + soft + " MiB)");
        }
        if (readTimeoutSeconds <= 0 || downloadLimitMiB < 0) {
            throw new IllegalArgumentException("--read-timeout must be at least 1 second and --download-limit cannot be negative");
        }
        return PoolConfig.defaults(dataDir)
                .withWorkerCount(workers != null ? workers : saved.workers() != 0 ? saved.workers() : defaultWorkers)
                .withYtDlp(new YtDlpConfig(ytDlpProgram(), maxHeight, cookies))
                .withMemoryLimits(MemoryLimits.ofMiB(soft, hard))
                .withWorkerHeapMiB(workerHeapMiB)
                .withMaxTasksPerChild(maxTasksPerChild)
                .withMaxRetries(maxRetries)
                .withStreamLimits(new StreamLimits(Duration.ofSeconds(readTimeoutSeconds), downloadLimitMiB << 20));
    }
}
