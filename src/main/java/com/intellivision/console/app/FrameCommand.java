package com.intellivision.console.app;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.Timecode;
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

/** {@code frame URL}: extracts one frame, on the local pool or a remote deployment, and prints the finished job as JSON. */
@Command(name = "frame", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extract one frame of a video and print the finished job as JSON.",
            "Runs on the local pool unless --deployment or --server names a remote deployment, which picks the frame itself: "
                    + "there --at, --count, --width and --quality are refused."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {SingleJobRun.EXIT_COMPLETED, SingleJobRun.EXIT_FAILED, SingleJobRun.EXIT_REFUSED_OR_TIMED_OUT})
final class FrameCommand implements Callable<Integer>, SingleJobRun.JobToRun {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "A YouTube or video URL, or the path of a video file (the local pool only).")
    String url;

    @Option(names = "--at", paramLabel = "TIME", description = "Where to take the frame: 90, 1:30 or 00:01:30 (default: a tenth of the way in).")
    String at;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the frame to FILE (.png or .jpg; a server's image is converted if need be).")
    Path out;

    @Option(names = "--count", paramLabel = "N", description = "Take a filmstrip of N evenly spaced frames instead of one.")
    Integer count;

    @Option(names = "--width", paramLabel = "PIXELS", description = "Scale frames to this width, keeping their shape.")
    Integer width;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default: ${DEFAULT-VALUE}).")
    int quality = FrameParams.DEFAULT_JPEG_QUALITY;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "10",
            description = "How long to wait for the job to end (default: ${DEFAULT-VALUE}); then the command gives up and the job goes on.")
    double timeoutMinutes;

    @Mixin
    DeploymentChoice where = new DeploymentChoice();

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        return SingleJobRun.run(spec, where, pool, this, SingleJobRun.timeout(spec, timeoutMinutes), out);
    }

    @Override
    public void refuseWhatCannotRunOn(Deployment deployment) {
        deployment.capabilities().whyNot(Feature.CHOSEN_FRAME_TIME).ifPresent(reason ->
                RefusedOptions.refuseIfGiven(spec, deployment, reason, "--at", "--count", "--width", "--quality"));
    }

    @Override
    public JobRequest request() {
        try {
            return JobRequest.frame(VideoSources.of(url), new FrameParams(parseTimestamp(), formatOf(out), count, width, quality));
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
        String format = ImageCopy.formatOf(file);
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "--out: the file must end in .png or .jpg, not " + file);
        }
        return format;
    }
}
