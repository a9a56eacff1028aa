package com.intellivision.console.app;

import com.intellivision.console.deployment.FirstRunHelp;
import com.intellivision.console.media.SampleVideo;
import com.intellivision.console.media.YtDlp;
import com.intellivision.console.media.YtDlpSettings;
import com.intellivision.console.pool.PoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local pool's first-run help: the sample video is made in the data directory's {@code samples/}
 * folder, and yt-dlp is checked as the workers run it (the program {@code --yt-dlp} or
 * {@code update-yt-dlp} chose, else the one on the PATH).
 */
public final class LocalFirstRunHelp implements FirstRunHelp {

    static final int SAMPLE_SECONDS = 8;

    private final Path samples;
    private final YtDlp ytDlp;

    public LocalFirstRunHelp(PoolConfig config) {
        this.samples = config.dataDir().resolve("samples");
        this.ytDlp = new YtDlp(new YtDlpSettings(config.ytDlp().command(), config.ytDlp().maxHeight(), null));
    }

    @Override
    public Path makeSampleVideo() {
        try {
            return SampleVideo.write(samples.resolve("people-walking.mp4"), SAMPLE_SECONDS).toAbsolutePath();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed.getMessage(), failed);
        }
    }

    @Override
    public Optional<String> ytDlpProblem() {
        return ytDlp.problem();
    }
}
