package com.intellivision.console.ui.submit;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.LobbyZones;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.job.VideoLinks;
import com.intellivision.console.ui.common.JobInputs;
import com.intellivision.console.ui.common.PlainNumber;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The submit form: what to do with the URL (a frame, a filmstrip, a people count, or another analysis
 * where the deployment shown runs it) and that kind's settings, whether they make a valid request, and
 * what went wrong last time. Submitting itself is {@link MainViewModel#submit()}, which owns the
 * deployments.
 */
public final class SubmitBarViewModel {

    static final int MIN_FILMSTRIP = 2;
    static final int MAX_FILMSTRIP = 24;
    static final int DEFAULT_FILMSTRIP = 8;
    /** Filmstrip frames are thumbnails: small JPEGs load quickly in a row of them. */
    static final String FILMSTRIP_FORMAT = "jpg";
    static final int FILMSTRIP_WIDTH = 320;
    static final String DRAW_LINES_FIRST = "Draw the two lines people cross on a frame of the video first";
    static final String DRAW_ZONES_FIRST = "Draw the zones to watch on a frame of the video first";

    private final ObjectProperty<JobKind> kind = new SimpleObjectProperty<>(JobKind.FRAME);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty timestamp = new SimpleStringProperty("");
    private final ObjectProperty<Integer> filmstripCount = new SimpleObjectProperty<>(DEFAULT_FILMSTRIP);
    private final StringProperty countFps = new SimpleStringProperty(PlainNumber.format(CountParams.DEFAULT_FPS));
    private final ObjectProperty<EmergencyLines> lines = new SimpleObjectProperty<>();
    private final ObjectProperty<LobbyZones> zones = new SimpleObjectProperty<>();
    private final ObservableList<JobKind> offeredAnalyses = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper filmstripOffered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper countOffered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper chosenTimeOffered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper chosenTimeReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timestampError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countFpsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(false);
    private final LinkCardViewModel linkCard;

    /** A form that checks files on the calling thread, for tests. */
    public SubmitBarViewModel() {
        this(new TaskRunner(Runnable::run, Runnable::run));
    }

    /** @param tasks where a typed file is looked for, off the UI thread */
    public SubmitBarViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        this.linkCard = new LinkCardViewModel(tasks);
        url.addListener((property, before, after) -> checkSource(after));
        url.addListener((property, before, after) -> linkCard.textChanged());
        linkCard.onMomentChosen(timestamp::set);
        timestampError.bind(Bindings.createStringBinding(() -> JobInputs.timeProblem(timestamp.get()), timestamp));
        countFpsError.bind(Bindings.createStringBinding(() -> JobInputs.fpsProblem(countFps.get()), countFps));
        // Only the chosen kind's settings count: a bad timestamp does not block a people count.
        settingsError.bind(Bindings.createStringBinding(this::settingsProblem, kind, timestampError, countFpsError, chosenTimeOffered));
        // The last failure is about the last request; once the input changes it no longer applies.
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(kind, url, timestamp, filmstripCount, countFps, lines, zones)) {
            input.addListener((property, before, after) -> submitError.set(""));
        }
        // Lines and zones belong to one video; another video needs them drawn again.
        url.addListener((property, before, after) -> {
            lines.set(null);
            zones.set(null);
        });
        problem.bind(Bindings.when(urlError.isNotEmpty()).then(urlError)
                .otherwise(Bindings.when(settingsError.isNotEmpty()).then(settingsError).otherwise(submitError)));
        canSubmit.bind(Bindings.createBooleanBinding(
                () -> !isBlank(url.get()) && urlError.get().isEmpty() && settingsError.get().isEmpty() && regionsDrawn() && !submitting.get(),
                url, urlError, settingsError, submitting, kind, lines, zones));
    }

    /**
     * Refuses at once what cannot be a source, with the reason; a file is looked for in the background,
     * and what is found counts only while the field still holds that path.
     */
    private void checkSource(String text) {
        VideoLinks.Reading reading = VideoLinks.read(text);
        urlError.set(reading.problem());
        if (reading.kind() == VideoLinks.Kind.LOCAL_FILE) {
            String typed = text.strip();
            tasks.run(() -> LocalFiles.problemOf(typed), found -> {
                if (typed.equals(url.get() == null ? null : url.get().strip())) {
                    urlError.set(found);
                }
            }, failure -> { });
        }
    }

    /** Offers what the deployment shown can run; a kind it cannot run gives way to a frame. */
    public void offer(Capabilities offered) {
        filmstripOffered.set(offered.accepts(JobKind.FILMSTRIP.jobType()) && offered.has(Feature.CHOSEN_FRAME_TIME));
        countOffered.set(offered.accepts(JobKind.COUNT.jobType()));
        chosenTimeOffered.set(offered.has(Feature.CHOSEN_FRAME_TIME));
        chosenTimeReason.set(offered.whyNot(Feature.CHOSEN_FRAME_TIME).orElse(""));
        offeredAnalyses.setAll(JobKind.analyses().stream().filter(analysis -> offered.accepts(analysis.jobType())).toList());
        if (!isOffered(kind.get())) {
            kind.set(JobKind.FRAME);
        }
    }

    boolean isOffered(JobKind candidate) {
        return switch (candidate) {
            case FRAME -> true;
            case FILMSTRIP -> filmstripOffered.get();
            case COUNT -> countOffered.get();
            default -> offeredAnalyses.contains(candidate);
        };
    }

    /** The request the form describes; only valid while {@link #canSubmitProperty()} is true. */
    public JobRequest request() {
        if (!canSubmit.get()) {
            throw new IllegalStateException("the form does not describe a valid request");
        }
        JobKind chosen = kind.get();
        return switch (chosen) {
            case FRAME -> JobRequest.frame(url.get(), FrameParams.at(chosenTimeOffered.get() ? timestampSeconds(timestamp.get()) : null));
            case FILMSTRIP -> JobRequest.frame(url.get(), FrameParams.filmstrip(clampedCount(), FILMSTRIP_FORMAT, FILMSTRIP_WIDTH));
            case COUNT -> JobRequest.count(url.get(), new CountParams(Double.parseDouble(countFps.get().strip()), null, null));
            case EMERGENCY_COUNT -> JobRequest.analysis(chosen.jobType(), url.get(), lines.get().toParams());
            case LOBBY_DETECTION -> JobRequest.analysis(chosen.jobType(), url.get(), zones.get().toParams());
            default -> JobRequest.analysis(chosen.jobType(), url.get(), null);
        };
    }

    private String settingsProblem() {
        return switch (kind.get()) {
            case FRAME -> chosenTimeOffered.get() ? timestampError.get() : "";
            case COUNT -> countFpsError.get();
            default -> "";
        };
    }

    private boolean regionsDrawn() {
        return switch (kind.get().regions()) {
            case NONE -> true;
            case LINES -> lines.get() != null;
            case ZONES -> zones.get() != null;
        };
    }

    /** What stands between the form and Submit once a URL is in: the regions to draw, or empty. */
    public String missingRegions() {
        return switch (kind.get().regions()) {
            case NONE -> "";
            case LINES -> lines.get() == null ? DRAW_LINES_FIRST : "";
            case ZONES -> zones.get() == null ? DRAW_ZONES_FIRST : "";
        };
    }

    /** The spinner keeps to its range, but a value set in code may not. */
    private int clampedCount() {
        Integer count = filmstripCount.get();
        return count == null ? DEFAULT_FILMSTRIP : Math.max(MIN_FILMSTRIP, Math.min(MAX_FILMSTRIP, count));
    }

    /** @param note what happens meanwhile, for people (a server checks the link first), or empty */
    public void submissionStarted(String note) {
        submitError.set("");
        progressNote.set(note);
        submitting.set(true);
    }

    /** Clears the URL for the next one, unless it was edited while the request was on its way. */
    public void submissionSucceeded(JobRequest submitted) {
        submitting.set(false);
        progressNote.set("");
        if (url.get() != null && url.get().strip().equals(submitted.url())) {
            url.set("");
        }
    }

    public void submissionFailed(String message) {
        submitting.set(false);
        progressNote.set("");
        submitError.set(message);
    }

    /** Blank means "let the engine choose" (a tenth of the way in). */
    private static Double timestampSeconds(String text) {
        return isBlank(text) ? null : Timecode.parseSeconds(text);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** What the link in the field leads to, looked up before it is submitted. */
    public LinkCardViewModel linkCard() {
        return linkCard;
    }

    public ObjectProperty<JobKind> kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty timestampProperty() {
        return timestamp;
    }

    /** Frames in a filmstrip, {@value #MIN_FILMSTRIP} to {@value #MAX_FILMSTRIP}. */
    public ObjectProperty<Integer> filmstripCountProperty() {
        return filmstripCount;
    }

    /** A people count's sample rate as typed, in frames per second of video. */
    public StringProperty countFpsProperty() {
        return countFps;
    }

    /** The lines drawn for an emergency count, or null before they are. */
    public ObjectProperty<EmergencyLines> linesProperty() {
        return lines;
    }

    /** The zones drawn for a lobby detection, or null before they are. */
    public ObjectProperty<LobbyZones> zonesProperty() {
        return zones;
    }

    /** The analyses beyond frames and people counts that the deployment shown runs. */
    public ObservableList<JobKind> offeredAnalyses() {
        return offeredAnalyses;
    }

    public ReadOnlyBooleanProperty filmstripOfferedProperty() {
        return filmstripOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countOfferedProperty() {
        return countOffered.getReadOnlyProperty();
    }

    /** Whether the deployment takes a frame at a chosen moment; a server that picks its own does not. */
    public ReadOnlyBooleanProperty chosenTimeOfferedProperty() {
        return chosenTimeOffered.getReadOnlyProperty();
    }

    /** Why it does not, for people. */
    public ReadOnlyStringProperty chosenTimeReasonProperty() {
        return chosenTimeReason.getReadOnlyProperty();
    }

    /** Why the sample rate is not one, or empty. */
    public ReadOnlyStringProperty countFpsErrorProperty() {
        return countFpsError.getReadOnlyProperty();
    }

    /** Why the timestamp is not one, or empty. */
    public ReadOnlyStringProperty timestampErrorProperty() {
        return timestampError.getReadOnlyProperty();
    }

    /** Why the last submission failed, or empty. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }

    /** The one message to show under the form: a bad setting of the chosen kind first, else the last failure. */
    /** Why the source typed cannot be used, or empty. */
    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What happens while a submission is on its way, e.g. that the server checks the link; empty otherwise. */
    public ReadOnlyStringProperty progressNoteProperty() {
        return progressNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }
}
