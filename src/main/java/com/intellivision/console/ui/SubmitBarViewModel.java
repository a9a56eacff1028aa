package com.intellivision.console.ui;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.Timecode;
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

/**
 * The submit form: what to do with the URL (a frame, a filmstrip or a people count) and that kind's
 * settings, whether they make a valid request, and what went wrong last time.
 * Submitting itself is {@link MainViewModel#submit()}, which owns the deployment.
 */
public final class SubmitBarViewModel {

    static final int MIN_FILMSTRIP = 2;
    static final int MAX_FILMSTRIP = 24;
    static final int DEFAULT_FILMSTRIP = 8;
    /** Filmstrip frames are thumbnails: small JPEGs load quickly in a row of them. */
    static final String FILMSTRIP_FORMAT = "jpg";
    static final int FILMSTRIP_WIDTH = 320;

    private final ObjectProperty<JobKind> kind = new SimpleObjectProperty<>(JobKind.FRAME);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty timestamp = new SimpleStringProperty("");
    private final ObjectProperty<Integer> filmstripCount = new SimpleObjectProperty<>(DEFAULT_FILMSTRIP);
    private final StringProperty countFps = new SimpleStringProperty(formatFps(CountParams.DEFAULT_FPS));
    private final ReadOnlyStringWrapper timestampError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countFpsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(false);

    public SubmitBarViewModel() {
        timestampError.bind(Bindings.createStringBinding(() -> timestampProblem(timestamp.get()), timestamp));
        countFpsError.bind(Bindings.createStringBinding(() -> fpsProblem(countFps.get()), countFps));
        // Only the chosen kind's settings count: a bad timestamp does not block a people count.
        settingsError.bind(Bindings.createStringBinding(() -> switch (kind.get()) {
            case FRAME -> timestampError.get();
            case FILMSTRIP -> "";
            case COUNT -> countFpsError.get();
        }, kind, timestampError, countFpsError));
        // The last failure is about the last request; once the input changes it no longer applies.
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(kind, url, timestamp, filmstripCount, countFps)) {
            input.addListener((property, before, after) -> submitError.set(""));
        }
        problem.bind(Bindings.when(settingsError.isNotEmpty()).then(settingsError).otherwise(submitError));
        canSubmit.bind(Bindings.createBooleanBinding(
                () -> !isBlank(url.get()) && settingsError.get().isEmpty() && !submitting.get(),
                url, settingsError, submitting));
    }

    /** The request the form describes; only valid while {@link #canSubmitProperty()} is true. */
    JobRequest request() {
        if (!canSubmit.get()) {
            throw new IllegalStateException("the form does not describe a valid request");
        }
        return switch (kind.get()) {
            case FRAME -> JobRequest.frame(url.get(), FrameParams.at(timestampSeconds(timestamp.get())));
            case FILMSTRIP -> JobRequest.frame(url.get(), FrameParams.filmstrip(clampedCount(), FILMSTRIP_FORMAT, FILMSTRIP_WIDTH));
            case COUNT -> JobRequest.count(url.get(), new CountParams(Double.parseDouble(countFps.get().strip()), null, null));
        };
    }

    /** The spinner keeps to its range, but a value set in code may not. */
    private int clampedCount() {
        Integer count = filmstripCount.get();
        return count == null ? DEFAULT_FILMSTRIP : Math.max(MIN_FILMSTRIP, Math.min(MAX_FILMSTRIP, count));
    }

    void submissionStarted() {
        submitError.set("");
        submitting.set(true);
    }

    /** Clears the URL for the next one, unless it was edited while the request was on its way. */
    void submissionSucceeded(JobRequest submitted) {
        submitting.set(false);
        if (url.get() != null && url.get().strip().equals(submitted.url())) {
            url.set("");
        }
    }

    void submissionFailed(String message) {
        submitting.set(false);
        submitError.set(message);
    }

    private static String timestampProblem(String text) {
        try {
            timestampSeconds(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String fpsProblem(String text) {
        String value = text == null ? "" : text.strip();
        try {
            new CountParams(Double.parseDouble(value), null, null);
            return "";
        } catch (NumberFormatException notANumber) {
            return "'" + value + "' is not a sample rate: write frames per second of video to analyse, such as 2 or 0.5";
        } catch (IllegalArgumentException outOfRange) {
            return StatusBadge.capitalize(outOfRange.getMessage());
        }
    }

    private static String formatFps(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }

    /** Blank means "let the engine choose" (a tenth of the way in). */
    private static Double timestampSeconds(String text) {
        return isBlank(text) ? null : Timecode.parseSeconds(text);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
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
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }
}
