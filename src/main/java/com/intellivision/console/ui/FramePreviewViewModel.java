package com.intellivision.console.ui;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.Timecode;
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

/** What the preview pane shows for the selected job, kept current as the job moves along. */
public final class FramePreviewViewModel {

    /** The preview's faces; exactly one is visible at a time. */
    public enum Mode {
        /** A message instead of a job: nothing selected, or nothing to preview. */
        MESSAGE,
        /** The job is queued or running. */
        WORKING,
        /** The extracted frame with its caption. */
        FRAME,
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
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deadLetter = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper jobShown = new ReadOnlyBooleanWrapper(false);

    private final InvalidationListener refreshOnChange = observable -> refresh();
    private JobRow shown;

    public FramePreviewViewModel(ObservableValue<JobRow> selectedRow) {
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
            showMessage(NO_JOB_HEADING, NOTHING_SELECTED);
            return;
        }
        Job job = shown.job();
        heading.set("Job #" + job.id() + " · " + job.type().displayName());
        if (shown.isCancelling()) {
            showWorking(INDETERMINATE, STOPPING);
            return;
        }
        switch (job.status()) {
            case PENDING -> showWorking(INDETERMINATE, "Waiting for a free worker");
            case PROCESSING -> showRunning(shown.progressProperty().get());
            case COMPLETED -> showCompleted(job);
            case FAILED -> showFailure(job);
            case CANCELLED -> showMessage(heading.get(), "This job was cancelled.");
        }
    }

    private void showRunning(JobProgress report) {
        if (report == null) {
            showWorking(INDETERMINATE, "Working");
            return;
        }
        String what = report.stage() == null || report.stage().isBlank() ? "Working" : StatusBadge.capitalize(report.stage());
        showWorking(Percent.fraction(report.percentage()), what + " · " + Percent.format(report.percentage()));
    }

    private void showWorking(double fraction, String stageText) {
        progress.set(fraction);
        stage.set(stageText);
        mode.set(Mode.WORKING);
    }

    private void showCompleted(Job job) {
        Optional<FrameResult> frame = FrameResults.of(job);
        if (frame.isEmpty()) {
            showMessage(heading.get(), "Completed. This job has no frame to show.");
            return;
        }
        FrameResult result = frame.get();
        frameUrl.set(result.frameUrl());
        frameTitle.set(result.title() == null || result.title().isBlank() ? job.youtubeUrl() : result.title());
        frameDetails.set(detailsOf(result));
        mode.set(Mode.FRAME);
    }

    private void showFailure(Job job) {
        String text = job.error() == null || job.error().isBlank()
                ? "The job failed without saying why. Submitting it again may help."
                : job.error();
        error.set(text);
        mode.set(Mode.FAILED);
    }

    private void showMessage(String headingText, String text) {
        heading.set(headingText);
        message.set(text);
        mode.set(Mode.MESSAGE);
    }

    /** For example "at 00:01:30 · 1280 × 720 · took 0.84 s · stream seek". */
    static String detailsOf(FrameResult result) {
        List<String> parts = new ArrayList<>();
        parts.add("at " + Timecode.format(result.timestamp()));
        if (result.width() > 0 && result.height() > 0) {
            parts.add(result.width() + " × " + result.height());
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
}
