package com.intellivision.console.ui.firstrun;

import com.intellivision.console.deployment.FirstRunHelp;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The guide a pool with no jobs shows in place of its empty table: how to submit, a sample video made
 * on this machine for a first try without the network, and whether yt-dlp is there for YouTube links.
 * Shown only for a deployment that offers {@link FirstRunHelp} (the local pool) once its jobs have
 * been read and found to be none; gone for good at its first job.
 */
public final class FirstRunViewModel {

    static final String CHECKING_YT_DLP = "Checking yt-dlp, which YouTube links need…";
    static final String YT_DLP_READY = "yt-dlp is ready, so YouTube links work.";
    static final String MAKING_SAMPLE = "Making a sample video…";

    private final TaskRunner tasks;
    /** Per deployment: whether it has jobs, once its listing or an event said; absent before. */
    private final Map<String, Boolean> hasJobs = new HashMap<>();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper makingSample = new ReadOnlyBooleanWrapper(this, "makingSample");
    private final ReadOnlyStringWrapper sampleNote = new ReadOnlyStringWrapper(this, "sampleNote", "");
    private final ReadOnlyObjectWrapper<Path> sampleVideo = new ReadOnlyObjectWrapper<>(this, "sampleVideo");
    private final ReadOnlyBooleanWrapper sampleFailed = new ReadOnlyBooleanWrapper(this, "sampleFailed");
    private final ReadOnlyStringWrapper ytDlpNote = new ReadOnlyStringWrapper(this, "ytDlpNote", "");
    private final ReadOnlyBooleanWrapper ytDlpMissing = new ReadOnlyBooleanWrapper(this, "ytDlpMissing");
    private String shownDeployment;
    private Optional<FirstRunHelp> help = Optional.empty();
    private boolean ytDlpChecked;
    private Consumer<String> fillSource = source -> { };

    public FirstRunViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Where a sample video's path goes once it is made: the submit bar's field. */
    public void fillSourceWith(Consumer<String> field) {
        fillSource = Objects.requireNonNull(field, "field");
    }

    /** Hears of every job that changes: a deployment with one is no longer new. */
    public void listenTo(ConsoleEvents events) {
        events.on(JobChanged.class, (deploymentId, changed) -> jobSeen(deploymentId));
    }

    /** The deployment shown now, and the help it offers (none but the local pool's). */
    public void show(String deploymentId, Optional<FirstRunHelp> offered) {
        shownDeployment = deploymentId;
        help = offered;
        update();
    }

    /** A deployment's jobs were read: whether there were any. */
    public void listed(String deploymentId, boolean anyJobs) {
        hasJobs.merge(deploymentId, anyJobs, Boolean::logicalOr);
        update();
    }

    /** A deployment has a job now (submitted, or heard of). */
    public void jobSeen(String deploymentId) {
        if (!Boolean.TRUE.equals(hasJobs.put(deploymentId, true))) {
            update();
        }
    }

    private void update() {
        shown.set(help.isPresent() && Boolean.FALSE.equals(hasJobs.get(shownDeployment)));
        if (shown.get() && !ytDlpChecked) {
            ytDlpChecked = true;
            checkYtDlp(help.get());
        }
    }

    /** Runs yt-dlp once, in the background: it takes up to seconds, and the window is up by now. */
    private void checkYtDlp(FirstRunHelp offered) {
        ytDlpNote.set(CHECKING_YT_DLP);
        tasks.run(offered::ytDlpProblem, problem -> {
            ytDlpMissing.set(problem.isPresent());
            ytDlpNote.set(problem.orElse(YT_DLP_READY));
        }, failure -> {
            ytDlpMissing.set(true);
            ytDlpNote.set("yt-dlp could not be checked: " + Failures.messageOf(failure));
        });
    }

    /** Makes a sample video in the background and puts its path in the submit field, ready for Enter. */
    public void makeSampleVideo() {
        if (help.isEmpty() || makingSample.get()) {
            return;
        }
        makingSample.set(true);
        sampleFailed.set(false);
        sampleNote.set(MAKING_SAMPLE);
        tasks.run(help.get()::makeSampleVideo, (Path video) -> {
            makingSample.set(false);
            fillSource.accept(video.toString());
            sampleVideo.set(null); // so that the same path made again is news too
            sampleVideo.set(video);
            sampleNote.set("Made " + video.getFileName() + ": people walking across a square. Press Enter for a frame of it, "
                    + "or choose Count people first.");
        }, failure -> {
            makingSample.set(false);
            sampleFailed.set(true);
            sampleNote.set("The sample video could not be made: " + Failures.messageOf(failure));
        });
    }

    /** Whether the guide shows, in place of the jobs table. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty makingSampleProperty() {
        return makingSample.getReadOnlyProperty();
    }

    /** What became of the sample video asked for; empty before one is. */
    public ReadOnlyStringProperty sampleNoteProperty() {
        return sampleNote.getReadOnlyProperty();
    }

    /** The sample video made last, once its path is in the field; null before. */
    public ReadOnlyObjectProperty<Path> sampleVideoProperty() {
        return sampleVideo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sampleFailedProperty() {
        return sampleFailed.getReadOnlyProperty();
    }

    /** Whether yt-dlp is there for YouTube links, or what is wrong with it and how to get it. */
    public ReadOnlyStringProperty ytDlpNoteProperty() {
        return ytDlpNote.getReadOnlyProperty();
    }

    /** Whether the note is a problem: yt-dlp is missing, broken or too old. */
    public ReadOnlyBooleanProperty ytDlpMissingProperty() {
        return ytDlpMissing.getReadOnlyProperty();
    }
}
