package com.intellivision.console.app;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.Timecode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code frame URL}: extracts one frame on the local pool and prints the finished job as JSON. */
@Command(name = "frame", mixinStandardHelpOptions = true,
        description = "Extract one frame of a video on the local pool and print the finished job as JSON.")
final class FrameCommand implements Callable<Integer> {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "A YouTube or video URL, or the path of a video file.")
    String url;

    @Option(names = "--at", paramLabel = "TIME", description = "Where to take the frame: 90, 1:30 or 00:01:30 (default: a tenth of the way in).")
    String at;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the frame to FILE (.png or .jpg).")
    Path out;

    @Option(names = "--count", paramLabel = "N", description = "Take a filmstrip of N evenly spaced frames instead of one.")
    Integer count;

    @Option(names = "--width", paramLabel = "PIXELS", description = "Scale frames to this width, keeping their shape.")
    Integer width;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default: ${DEFAULT-VALUE}).")
    int quality = FrameParams.DEFAULT_JPEG_QUALITY;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        return SingleJobRun.run(spec, pool, JobRequest.frame(url, frameParams()), JOB_TIMEOUT, out);
    }

    private FrameParams frameParams() {
        try {
            return new FrameParams(parseTimestamp(), formatOf(out), count, width, quality);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
    }

    private Double parseTimestamp() {
        if (at == null) {
            return null;
        }
        try {
            return Timecode.parseSeconds(at);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), "--at: " + bad.getMessage());
        }
    }

    private String formatOf(Path file) {
        if (file == null) {
            return FrameParams.DEFAULT_FORMAT;
        }
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpg";
        }
        throw new ParameterException(spec.commandLine(), "--out: the file must end in .png or .jpg, not " + file);
    }
}
