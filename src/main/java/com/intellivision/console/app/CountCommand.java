package com.intellivision.console.app;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.JobRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code count URL}: counts the different people in a video on the local pool and prints the finished job as JSON. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Count the different people in a video on the local pool and print the finished job as JSON.")
final class CountCommand implements Callable<Integer> {

    /** Longer than a count's own time limit in the pool, so that the pool's limit, with its clear error, comes first. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(80);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "A YouTube or video URL, or the path of a video file.")
    String url;

    @Option(names = "--fps", paramLabel = "RATE", description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
    double fps = CountParams.DEFAULT_FPS;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the busiest frame, with its people boxed, to FILE (.png).")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Find people with this YOLO detector in ONNX format instead of the built-in HOG detector.")
    Path model;

    @Option(names = "--alert-above", paramLabel = "N", description = "Add an alert whenever more than N people are in view.")
    Integer alertAbove;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (out != null && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), "--out: the annotated frame is a PNG, so the file must end in .png, not " + out);
        }
        return SingleJobRun.run(spec, pool, JobRequest.count(url, countParams()), JOB_TIMEOUT, out);
    }

    private CountParams countParams() {
        try {
            // The job is stored and may be retried from another directory: it keeps the model's full path.
            return new CountParams(fps, model == null ? null : model.toAbsolutePath().toString(), alertAbove);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
    }
}
