package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.JobRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code count URL}: counts the different people in a video, on the local pool or a remote deployment, and prints the finished job as JSON. */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Count the different people in a video and print the finished job as JSON.",
            "Runs on the local pool unless --deployment or --server names a remote deployment, which runs its own detector: "
                    + "there --fps, --model, --alert-above and --moving-camera are refused."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {SingleJobRun.EXIT_COMPLETED, SingleJobRun.EXIT_FAILED, SingleJobRun.EXIT_REFUSED_OR_TIMED_OUT})
final class CountCommand implements Callable<Integer>, SingleJobRun.JobToRun {

    /** Longer than a count's own time limit in the pool, so that the pool's limit, with its clear error, comes first. */
    private static final String DEFAULT_TIMEOUT_MINUTES = "80";
    private static final String SERVER_SETTINGS = "an IntelliVision server counts with its own detector, at its own rate, "
            + "and raises its own alerts";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL",
            description = "A YouTube or video URL, or the path of a video file (which a server is sent as an upload).")
    String url;

    @Option(names = "--fps", paramLabel = "RATE", description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
    double fps = CountParams.DEFAULT_FPS;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also copy the busiest frame, with its people boxed, to FILE (.png; from a server also .jpg).")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Find people with this YOLO detector in ONNX format instead of the built-in HOG detector.")
    Path model;

    @Option(names = "--alert-above", paramLabel = "N", description = "Add an alert whenever more than N people are in view.")
    Integer alertAbove;

    @Option(names = "--moving-camera",
            description = "Search every frame whole: the camera pans or shakes. By default HOG looks only where something moved.")
    boolean movingCamera;

    @Option(names = "--no-split",
            description = "Count the video on one worker. By default a long video is split across the local pool's idle workers.")
    boolean noSplit;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = DEFAULT_TIMEOUT_MINUTES,
            description = "How long to wait for the count to end (default: ${DEFAULT-VALUE}); then the command gives up and the job goes on.")
    double timeoutMinutes;

    @Mixin
    DeploymentChoice where = new DeploymentChoice();

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOut();
        return SingleJobRun.run(spec, where, pool, this, SingleJobRun.timeout(spec, timeoutMinutes), out);
    }

    /** The pool draws the busiest frame as a PNG; a server's image is converted to whichever of the two the file asks for. */
    private void checkOut() {
        if (out == null) {
            return;
        }
        String format = ImageCopy.formatOf(out);
        if (!where.isRemote() && !"png".equals(format)) {
            throw new ParameterException(spec.commandLine(), "--out: the annotated frame is a PNG, so the file must end in .png, not " + out);
        }
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "--out: the file must end in .png or .jpg, not " + out);
        }
    }

    @Override
    public void refuseWhatCannotRunOn(Deployment deployment) {
        // No capability names the count's settings: only the local pool's own workers read them.
        if (!Deployment.LOCAL_ID.equals(deployment.id())) {
            RefusedOptions.refuseIfGiven(spec, deployment, SERVER_SETTINGS, "--fps", "--model", "--alert-above", "--moving-camera",
                    "--no-split");
        }
    }

    @Override
    public JobRequest request() {
        try {
            // The job is stored and may be retried from another directory: it keeps the model's full path.
            CountParams params = new CountParams(fps, model == null ? null : model.toAbsolutePath().toString(), alertAbove,
                    movingCamera ? Boolean.FALSE : null, null, noSplit ? Boolean.FALSE : null);
            return JobRequest.count(VideoSources.of(url), params);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
    }
}
