package com.intellivision.console.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.app.RegionArguments.VideoSize;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.LobbyZones;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code submit TYPE URL}: runs any kind of IntelliVision job, with its inputs, and prints the finished job as JSON. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a job of any type with its default settings and print the finished job as JSON.",
            "The local pool runs frames and people counts; the other types need an IntelliVision server (--deployment or --server).",
            "An emergency count needs its two lines and a lobby detection its zones, drawn on a frame of --video-size.",
            "Example: submit lobby-detection https://youtu.be/ID --video-size 1280x720 --zone 'desk:0,0;640,0;640,360@5' --server URL --token-file FILE"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {SingleJobRun.EXIT_COMPLETED, SingleJobRun.EXIT_FAILED, SingleJobRun.EXIT_REFUSED_OR_TIMED_OUT})
final class SubmitCommand implements Callable<Integer>, SingleJobRun.JobToRun {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", converter = JobTypeNames.class, completionCandidates = JobTypeNames.class,
            description = "What to run: ${COMPLETION-CANDIDATES}.")
    JobType type;

    @Parameters(index = "1", paramLabel = "URL_OR_FILE",
            description = "A YouTube or video link, or a video or image file, which a server is sent as an upload.")
    String source;

    @Option(names = "--line", paramLabel = "X1,Y1,X2,Y2", converter = RegionArguments.Lines.class,
            description = "A line people cross, for emergency-count; give it exactly twice. In the pixels of --video-size.")
    List<EmergencyLines.Line> lines = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "NAME:X,Y;X,Y;X,Y[;...]@THRESHOLD", converter = RegionArguments.Zones.class,
            description = {"A zone to watch, for lobby-detection: its name, at least three corners and the number of people "
                    + "above which it alerts. Repeat it for more zones; quote it, as ';' ends a shell command.",
                "In the pixels of --video-size."})
    List<LobbyZones.Zone> zones = new ArrayList<>();

    @Option(names = "--video-size", paramLabel = "WxH", converter = RegionArguments.VideoSizes.class,
            description = "The size of the frame the lines or zones were drawn on, such as 1280x720; needed with them.")
    VideoSize videoSize;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the job's image to FILE (.png or .jpg; converted if need be).")
    Path out;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "80",
            description = "How long to wait for the job to end (default: ${DEFAULT-VALUE}); then the command gives up and the job goes on.")
    double timeoutMinutes;

    @Mixin
    DeploymentChoice where = new DeploymentChoice();

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (out != null && ImageCopy.formatOf(out) == null) {
            throw new ParameterException(spec.commandLine(), "--out: the file must end in .png or .jpg, not " + out);
        }
        return SingleJobRun.run(spec, where, pool, this, SingleJobRun.timeout(spec, timeoutMinutes), out);
    }

    @Override
    public void refuseWhatCannotRunOn(Deployment deployment) {
        // Whether the deployment runs the type at all is its own to say, when the job is submitted.
    }

    @Override
    public JobRequest request() {
        String url = VideoSources.of(source);
        try {
            return switch (type) {
                case YOUTUBE_FRAME_EXTRACTION -> withoutRegions(JobRequest.frame(url, null));
                case PEOPLE_COUNT -> withoutRegions(JobRequest.count(url, null));
                case EMERGENCY_COUNT -> JobRequest.analysis(type, url, emergencyLines());
                case LOBBY_DETECTION -> JobRequest.analysis(type, url, lobbyZones());
                default -> withoutRegions(JobRequest.analysis(type, url, null));
            };
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), type.wireName() + ": " + bad.getMessage());
        }
    }

    private ObjectNode emergencyLines() {
        refuseIfGiven(!zones.isEmpty(), "--zone is for lobby-detection; an emergency count watches two --line.");
        if (lines.size() != EmergencyLines.LINES) {
            throw new ParameterException(spec.commandLine(), "emergency-count needs exactly " + EmergencyLines.LINES
                    + " --line options, the lines people cross, not " + lines.size());
        }
        VideoSize size = requiredSize("--line");
        return new EmergencyLines(lines, size.width(), size.height()).toParams();
    }

    private ObjectNode lobbyZones() {
        refuseIfGiven(!lines.isEmpty(), "--line is for emergency-count; a lobby detection watches --zone.");
        if (zones.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "lobby-detection needs at least one --zone to watch");
        }
        VideoSize size = requiredSize("--zone");
        return new LobbyZones(zones, size.width(), size.height()).toParams();
    }

    private VideoSize requiredSize(String regions) {
        if (videoSize == null) {
            throw new ParameterException(spec.commandLine(), regions + " needs --video-size WxH, the size of the frame it was drawn on");
        }
        return videoSize;
    }

    private JobRequest withoutRegions(JobRequest request) {
        refuseIfGiven(!lines.isEmpty(), "--line is for emergency-count only, not " + type.wireName() + ".");
        refuseIfGiven(!zones.isEmpty(), "--zone is for lobby-detection only, not " + type.wireName() + ".");
        refuseIfGiven(videoSize != null, "--video-size goes with --line or --zone only; " + type.wireName() + " takes neither.");
        return request;
    }

    private void refuseIfGiven(boolean given, String problem) {
        if (given) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
