package com.intellivision.console.ui;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.Timecode;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The submit form: what was typed, whether it makes a valid request, and what went wrong last time.
 * Submitting itself is {@link MainViewModel#submit()}, which owns the deployment.
 */
public final class SubmitBarViewModel {

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty timestamp = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper timestampError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(false);

    public SubmitBarViewModel() {
        timestampError.bind(Bindings.createStringBinding(() -> timestampProblem(timestamp.get()), timestamp));
        // The last failure is about the last request; once the input changes it no longer applies.
        url.addListener((property, before, after) -> submitError.set(""));
        timestamp.addListener((property, before, after) -> submitError.set(""));
        problem.bind(Bindings.when(timestampError.isNotEmpty()).then(timestampError).otherwise(submitError));
        canSubmit.bind(Bindings.createBooleanBinding(
                () -> !isBlank(url.get()) && timestampError.get().isEmpty() && !submitting.get(),
                url, timestampError, submitting));
    }

    /** The request the form describes; only valid while {@link #canSubmitProperty()} is true. */
    JobRequest request() {
        if (!canSubmit.get()) {
            throw new IllegalStateException("the form does not describe a valid request");
        }
        return JobRequest.frame(url.get(), FrameParams.at(timestampSeconds(timestamp.get())));
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

    /** Blank means "let the engine choose" (a tenth of the way in). */
    private static Double timestampSeconds(String text) {
        return isBlank(text) ? null : Timecode.parseSeconds(text);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty timestampProperty() {
        return timestamp;
    }

    /** Why the timestamp is not one, or empty. */
    public ReadOnlyStringProperty timestampErrorProperty() {
        return timestampError.getReadOnlyProperty();
    }

    /** Why the last submission failed, or empty. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }

    /** The one message to show under the form: a bad timestamp first, else the last failure. */
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
