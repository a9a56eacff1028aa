package com.intellivision.console.ui.preview;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.FrameResult.FilmstripFrame;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.ProgressDetails.LiveFrame;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.ui.common.CountResults;
import com.intellivision.console.ui.common.FrameResults;
import com.intellivision.console.ui.common.JobImages;
import com.intellivision.console.ui.common.JobKinds;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Percent;
import com.intellivision.console.ui.common.StatusBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What the preview pane shows for the selected job, kept current as the job moves along. Which face is
 * shown is decided here; the richer parts of a face have view models of their own: the thumbnail and
 * figures of a running job, a filmstrip, a people count.
 */
public final class FramePreviewViewModel {

    /** The preview's faces; exactly one is visible at a time. */
    public enum Mode {
        /** A message instead of a job: nothing selected, or nothing to preview. */
        MESSAGE,
        /** The job is queued or running. */
        WORKING,
        /** The extracted frame (or filmstrip) with its caption. */
        FRAME,
        /** A people count: the annotated frame, the count, the timeline and alerts. */
        COUNT,
        /** Any other completed analysis: its image, if it made one, and its results as they came. */
        RESULTS,
        /** The job's error, for a person to read and copy. */
        FAILED
    }

    static final String NO_JOB_HEADING = "Preview";
    static final String NOTHING_SELECTED = "Submit a URL to extract a frame";
    static final double INDETERMINATE = -1;
    static final String STOPPING = "Cancelling… the worker is stopping the job";

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.MESSAGE);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(NO_JOB_HEADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NOTHING_SELECTED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper frameUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper frameTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper frameDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper frameNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper traceback = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultsImageUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper resultsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outputVideo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deadLetter = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper jobShown = new ReadOnlyBooleanWrapper(false);

    private final ProgressPreviewViewModel progressPreview = new ProgressPreviewViewModel();
    private final FilmstripViewModel filmstrip = new FilmstripViewModel();
    private final PeopleCountViewModel peopleCount = new PeopleCountViewModel();
    private final ZoomViewModel frameZoom = new ZoomViewModel();

    private final InvalidationListener refreshOnChange = observable -> refresh();
    private JobRow shown;
    private FrameResult shownFrame;
    /** Whether the strip shown was made smaller than the video; one that was not has its frames at full size either way. */
    private boolean shownStripScaled;
    private String shownFrameUrl;

    public FramePreviewViewModel(ObservableValue<JobRow> selectedRow) {
        filmstrip.selectedProperty().addListener((property, before, frame) -> showFilmstripFrame(frame));
        selectedRow.addListener((property, before, after) -> show(after));
        show(selectedRow.getValue());
    }

    private void show(JobRow row) {
        if (shown != null) {
            shown.jobProperty().removeListener(refreshOnChange);
            shown.progressProperty().removeListener(refreshOnChange);
            shown.cancellingProperty().removeListener(refreshOnChange);
        }
        shown = row;
        if (row != null) {
            row.jobProperty().addListener(refreshOnChange);
            row.progressProperty().addListener(refreshOnChange);
            row.cancellingProperty().addListener(refreshOnChange);
        }
        refresh();
    }

    private void refresh() {
        jobShown.set(shown != null);
        deadLetter.set(shown != null && shown.job().deadLetter() && shown.job().status() == JobStatus.FAILED);
        if (shown == null) {
            progressPreview.clear();
            peopleCount.live().clear();
            showMessage(NO_JOB_HEADING, NOTHING_SELECTED);
            return;
        }
        Job job = shown.job();
        if (job.status() != JobStatus.PROCESSING || shown.isCancelling()) {
            // Only a run in progress has a thumbnail and figures; showRunning sets them in one go.
            progressPreview.clear();
        }
        heading.set("Job #" + job.id() + " · " + JobKinds.nameOf(job));
        if (shown.isCancelling()) {
            showWorking(INDETERMINATE, STOPPING);
            peopleCount.live().clear();
            return;
        }
        switch (job.status()) {
            case PENDING -> showWorking(INDETERMINATE, "Waiting for a free worker");
            case PROCESSING -> showRunning(shown.progressProperty().get());
            case COMPLETED -> showCompleted(job);
            case FAILED -> showFailure(job);
            case CANCELLED -> showMessage(heading.get(), "This job was cancelled.");
        }
        // Last, so that the finished count's figures are in place before its face shows them.
        if (job.status() != JobStatus.PROCESSING || !LiveCountViewModel.canShow(shown.liveFrameProperty().get())) {
            peopleCount.live().clear();
        }
    }

    private void showRunning(JobProgress report) {
        LiveFrame live = shown.liveFrameProperty().get();
        if (shown.job().type() == JobType.PEOPLE_COUNT && LiveCountViewModel.canShow(live)) {
            peopleCount.live().show(live, report);
            mode.set(Mode.COUNT);
            return;
        }
        if (report == null) {
            showWorking(INDETERMINATE, "Working");
        } else {
            String what = report.stage() == null || report.stage().isBlank() ? "Working" : StatusBadge.capitalize(report.stage());
            showWorking(Percent.fraction(report.percentage()), what + " · " + Percent.format(report.percentage()));
        }
        progressPreview.show(shown.job().type(), shown.previewUrlProperty().get(), report == null ? null : report.details());
        progressPreview.showCountElsewhere(shown.job().type() == JobType.PEOPLE_COUNT && !Deployment.LOCAL_ID.equals(shown.deploymentId()));
    }

    private void showWorking(double fraction, String stageText) {
        progress.set(fraction);
        stage.set(stageText);
        mode.set(Mode.WORKING);
    }

    private void showCompleted(Job job) {
        Optional<PeopleCountResult> count = job.type() == JobType.PEOPLE_COUNT ? CountResults.of(job) : Optional.empty();
        if (count.isPresent()) {
            peopleCount.show(job, count.get());
            mode.set(Mode.COUNT);
            return;
        }
        if (job.type() != JobType.YOUTUBE_FRAME_EXTRACTION) {
            showResults(job);
            return;
        }
        Optional<FrameResult> frame = FrameResults.of(job);
        if (frame.isEmpty()) {
            showMessage(heading.get(), "Completed. This job has no frame to show.");
            return;
        }
        FrameResult result = frame.get();
        shownFrame = result;
        shownStripScaled = job.params() != null && job.params().hasNonNull("width");
        shownFrameUrl = FrameResults.imageUrlOf(job, result);
        if (shownFrameUrl == null) {
            showMessage(heading.get(), "Completed, but its frame could not be fetched from the server. Check that the server"
                    + " serves its media files, then select the job again.");
            return;
        }
        frameTitle.set(result.title() == null || result.title().isBlank() ? job.youtubeUrl() : result.title());
        warnings.set(result.warnings() == null ? "" : String.join("\n", result.warnings()));
        filmstrip.show(result.frames() == null ? List.of() : result.frames());
        showFilmstripFrame(filmstrip.selectedProperty().get());
        mode.set(Mode.FRAME);
    }

    /** Shows one frame of the strip large, or the one frame of a single-frame job. */
    private void showFilmstripFrame(FilmstripFrame frame) {
        if (shownFrame == null) {
            return;
        }
        frameUrl.set(frame == null ? shownFrameUrl : frame.largestUrl());
        frameDetails.set(frame == null ? detailsOf(shownFrame) : detailsOf(shownFrame, frame));
        frameNote.set(frame != null && frame.fullFrameUrl() == null && shownStripScaled ? thumbnailOnlyNote(shownFrame) : "");
    }

    /** A strip made before full frames were kept has only its thumbnails to show large. */
    static String thumbnailOnlyNote(FrameResult strip) {
        String size = strip.width() > 0 && strip.height() > 0 ? " " + strip.width() + " × " + strip.height() : "";
        return "This filmstrip was made before full-size frames were kept, so the frame shown is its" + size
                + " thumbnail, enlarged. Run the filmstrip again for frames at the video's own size.";
    }

    /** An analysis this console has no face for: its image, its video's address and its results as they came. */
    private void showResults(Job job) {
        resultsImageUrl.set(JobImages.urlOf(job.outputImage()));
        resultsText.set(job.results() == null ? "The job gave no results." : JobResultsText.of(job.results()));
        outputVideo.set(job.outputVideo() == null ? "" : job.outputVideo());
        mode.set(Mode.RESULTS);
    }

    private void showFailure(Job job) {
        String text = job.error() == null || job.error().isBlank()
                ? "The job failed without saying why. Submitting it again may help."
                : job.error();
        error.set(text);
        traceback.set(job.traceback() == null ? "" : job.traceback());
        mode.set(Mode.FAILED);
    }

    private void showMessage(String headingText, String text) {
        heading.set(headingText);
        message.set(text);
        mode.set(Mode.MESSAGE);
    }

    /** For example "at 00:01:30 · 1280 × 720 · took 0.84 s · stream seek"; a server's thumbnail has no moment. */
    static String detailsOf(FrameResult result) {
        return detailsOf(result.timestamp() == null ? null : "at " + Timecode.format(result.timestamp()), result);
    }

    /**
     * For example "frame 3 of 8, at 00:00:05 · 1920 × 1080 · took 1.20 s · stream seek": the size of the
     * frame shown, full where the strip kept it so, else its thumbnail's.
     */
    static String detailsOf(FrameResult strip, FilmstripFrame frame) {
        int number = strip.frames().indexOf(frame) + 1;
        String which = "frame " + number + " of " + strip.frames().size() + ", at " + Timecode.format(frame.timestamp());
        boolean fullSize = frame.fullFrameUrl() != null && strip.fullWidth() != null && strip.fullHeight() != null;
        return fullSize ? detailsOf(which, strip.fullWidth(), strip.fullHeight(), strip) : detailsOf(which, strip);
    }

    private static String detailsOf(String which, FrameResult result) {
        return detailsOf(which, result.width(), result.height(), result);
    }

    private static String detailsOf(String which, int width, int height, FrameResult result) {
        List<String> parts = new ArrayList<>();
        if (which != null) {
            parts.add(which);
        }
        if (width > 0 && height > 0) {
            parts.add(width + " × " + height);
        }
        if (result.processingTime() > 0) {
            parts.add(String.format(Locale.ROOT, "took %.2f s", result.processingTime()));
        }
        if (result.method() != null && !result.method().isBlank()) {
            parts.add(result.method().replace('_', ' '));
        }
        return String.join(" · ", parts);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Which job is shown, e.g. "Job #12 · Frame", or just "Preview" when none is. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Between 0 and 1, or negative while the amount of work left is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The frame image's URL; only meaningful in {@link Mode#FRAME}. */
    public ReadOnlyStringProperty frameUrlProperty() {
        return frameUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty frameTitleProperty() {
        return frameTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty frameDetailsProperty() {
        return frameDetails.getReadOnlyProperty();
    }

    /** What people should know about the frames (a damaged stretch of video), one per line, or empty. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** What people should know about the frame shown (only a thumbnail of it is kept), or empty. */
    public ReadOnlyStringProperty frameNoteProperty() {
        return frameNote.getReadOnlyProperty();
    }

    public ProgressPreviewViewModel progressPreview() {
        return progressPreview;
    }

    public FilmstripViewModel filmstrip() {
        return filmstrip;
    }

    /** How the frame shown is zoomed. */
    public ZoomViewModel frameZoom() {
        return frameZoom;
    }

    public PeopleCountViewModel peopleCount() {
        return peopleCount;
    }

    /** Whether a job is shown, rather than the invitation to submit one. */
    public ReadOnlyBooleanProperty jobShownProperty() {
        return jobShown.getReadOnlyProperty();
    }

    /** The job failed for good after using up its automatic retries. */
    public ReadOnlyBooleanProperty deadLetterProperty() {
        return deadLetter.getReadOnlyProperty();
    }

    /** The failed job's error, written for people by the engine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where a server's analysis failed, for its programmers; empty when there is none. */
    public ReadOnlyStringProperty tracebackProperty() {
        return traceback.getReadOnlyProperty();
    }

    /** The image an analysis made, as a URL, or null; only meaningful in {@link Mode#RESULTS}. */
    public ReadOnlyStringProperty resultsImageUrlProperty() {
        return resultsImageUrl.getReadOnlyProperty();
    }

    /** An analysis's results, as indented JSON. */
    public ReadOnlyStringProperty resultsTextProperty() {
        return resultsText.getReadOnlyProperty();
    }

    /** The address of the video an analysis made on its server, or empty. */
    public ReadOnlyStringProperty outputVideoProperty() {
        return outputVideo.getReadOnlyProperty();
    }
}
