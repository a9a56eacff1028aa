package com.intellivision.console.app;

import com.intellivision.console.pool.PoolConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that runs the embedded pool shares. */
final class PoolOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where jobs and frames are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir = DataDirectory.standard();

    @Option(names = "--workers", paramLabel = "N", description = "Worker processes in the local pool (default: one per core).")
    Integer workers;

    @Option(names = "--yt-dlp", paramLabel = "PROGRAM", description = "The yt-dlp program to resolve YouTube links (default: ${DEFAULT-VALUE}).")
    String ytDlp = "yt-dlp";

    PoolConfig toConfig(int defaultWorkers) {
        return PoolConfig.defaults(dataDir)
                .withWorkerCount(workers != null ? workers : defaultWorkers)
                .withYtDlpCommand(ytDlp);
    }
}
