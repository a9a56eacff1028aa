package com.intellivision.console.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.RetryEdits;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.job.VideoLinks;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Retry with changes": an ended job's inputs, prefilled from it, each checked as it is typed by the
 * submit bar's rules, and the retry they describe, run in the background as a new job linked to the
 * old one. Where the deployment is sent only a job's link, only the link can be changed, and the form
 * says why.
 */
public final class RetryEditViewModel {

    /** Which of a job's settings the form offers. */
    public enum Shape {
        FRAME,
        FILMSTRIP,
        COUNT,
        /** An analysis whose settings (lines, zones) are kept as they were. */
        OTHER
    }

    private static final String NOT_ENDED = " has not ended, so it cannot be run again with changes yet; wait for it, or cancel it first.";

    private final Job job;
    private final JobControl control;
    private final TaskRunner tasks;
    private final Shape shape;
    private final boolean settingsEditable;
    private final String settingsNote;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty frames = new SimpleStringProperty("");
    private final StringProperty fps = new SimpleStringProperty("");
    private final StringProperty detector = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper framesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fpsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detectorError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;

    public RetryEditViewModel(Job job, Capabilities capabilities, JobControl control, TaskRunner tasks) {
        this.job = job;
        this.control = control;
        this.tasks = tasks;
        this.shape = shapeOf(job);
        this.settingsEditable = capabilities.has(Feature.EDITED_SETTINGS) && shape != Shape.OTHER;
        this.settingsNote = shape == Shape.OTHER ? "Its lines or zones stay as they were drawn."
                : capabilities.whyNot(Feature.EDITED_SETTINGS).orElse("");
        prefill();
        urlError.bind(Bindings.createStringBinding(() -> urlProblem(url.get()), url));
        timeError.bind(Bindings.createStringBinding(() -> offers(Shape.FRAME) ? JobInputs.timeProblem(time.get()) : "", time));
        framesError.bind(Bindings.createStringBinding(() -> offers(Shape.FILMSTRIP) ? framesProblem(frames.get()) : "", frames));
        fpsError.bind(Bindings.createStringBinding(() -> offers(Shape.COUNT) ? JobInputs.fpsProblem(fps.get()) : "", fps));
        detectorError.bind(Bindings.createStringBinding(() -> offers(Shape.COUNT) ? detectorProblem(detector.get()) : "", detector));
        valid = Bindings.createBooleanBinding(() -> urlError.get().isEmpty() && timeError.get().isEmpty() && framesError.get().isEmpty()
                && fpsError.get().isEmpty() && detectorError.get().isEmpty(), urlError, timeError, framesError, fpsError, detectorError);
    }

    private static Shape shapeOf(Job job) {
        if (job.type() == JobType.PEOPLE_COUNT) {
            return Shape.COUNT;
        }
        if (job.type() != JobType.YOUTUBE_FRAME_EXTRACTION) {
            return Shape.OTHER;
        }
        return frameParamsOf(job).map(FrameParams::isFilmstrip).orElse(false) ? Shape.FILMSTRIP : Shape.FRAME;
    }

    private void prefill() {
        url.set(job.youtubeUrl() == null ? "" : job.youtubeUrl());
        Optional<FrameParams> frame = frameParamsOf(job);
        time.set(frame.map(FrameParams::atSeconds).map(Timecode::format).orElse(""));
        frames.set(frame.map(FrameParams::count).filter(count -> count > 1).map(String::valueOf).orElse("10"));
        Optional<CountParams> count = countParamsOf(job);
        fps.set(PlainNumber.format(count.map(CountParams::fps).orElse(CountParams.DEFAULT_FPS)));
        detector.set(count.map(CountParams::detectorModel).orElse(""));
    }

    /** The request the form describes: the job's own settings with the edited ones laid over them. */
    public JobRequest request() {
        ObjectNode params = job.params() == null ? JobJson.mapper().createObjectNode() : job.params().deepCopy();
        if (settingsEditable) {
            switch (shape) {
                case FRAME -> {
                    if (time.get().isBlank()) {
                        params.remove("at_seconds");
                    } else {
                        params.put("at_seconds", Timecode.parseSeconds(time.get()));
                    }
                }
                case FILMSTRIP -> params.put("count", Integer.parseInt(frames.get().strip()));
                case COUNT -> {
                    params.put("fps", Double.parseDouble(fps.get().strip()));
                    if (detector.get().isBlank()) {
                        params.remove("detector_model");
                    } else {
                        params.put("detector_model", detector.get().strip());
                    }
                }
                case OTHER -> { }
            }
        }
        return new JobRequest(job.type(), url.get().strip(), params);
    }

    /**
     * Runs the retry in the background; {@code onRetried} gets the new job, on the UI thread. A refusal
     * stays in the form, with its reason, for people to correct.
     */
    public void retry(Consumer<Job> onRetried) {
        if (!valid.get() || working.get()) {
            return;
        }
        JobRequest edited;
        try {
            edited = RetryEdits.checked(job, request());
        } catch (IllegalArgumentException refused) {
            failure.set(refused.getMessage());
            return;
        }
        failure.set("");
        working.set(true);
        tasks.run(() -> control.retryWith(job.id(), edited), retried -> {
            working.set(false);
            if (retried.isEmpty()) {
                failure.set("Job #" + job.id() + NOT_ENDED);
            } else {
                onRetried.accept(retried.get());
            }
        }, refused -> {
            working.set(false);
            failure.set(Failures.messageOf(refused));
        });
    }

    private boolean offers(Shape wanted) {
        return settingsEditable && shape == wanted;
    }

    private static String urlProblem(String text) {
        VideoLinks.Reading reading = VideoLinks.read(text);
        return switch (reading.kind()) {
            case NOTHING -> "Give the video's link, or the path of its file.";
            case UNUSABLE -> reading.problem();
            default -> "";
        };
    }

    private static String framesProblem(String text) {
        String value = text == null ? "" : text.strip();
        try {
            int count = Integer.parseInt(value);
            if (count >= 2 && count <= FrameParams.MAX_FILMSTRIP) {
                return "";
            }
        } catch (NumberFormatException notANumber) {
            // Said below, as for a number out of range.
        }
        return "'" + value + "' is not a number of frames: a filmstrip has 2 to " + FrameParams.MAX_FILMSTRIP + ".";
    }

    private static String detectorProblem(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return "";
        }
        return "A detector is an ONNX model file (.onnx); leave it empty for the built-in detector.";
    }

    private static Optional<FrameParams> frameParamsOf(Job job) {
        try {
            return job.type() == JobType.YOUTUBE_FRAME_EXTRACTION ? Optional.of(new JobRequest(job.type(), "-", job.params()).frameParams())
                    : Optional.empty();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<CountParams> countParamsOf(Job job) {
        try {
            return job.type() == JobType.PEOPLE_COUNT ? Optional.of(new JobRequest(job.type(), "-", job.params()).countParams())
                    : Optional.empty();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    public Job job() {
        return job;
    }

    public Shape shape() {
        return shape;
    }

    /** Whether more than the link may change; where not, {@link #settingsNote()} says why. */
    public boolean settingsEditable() {
        return settingsEditable;
    }

    public String settingsNote() {
        return settingsNote;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** Where a frame is taken, as typed (90, 1:30); empty for a tenth of the way in. */
    public StringProperty timeProperty() {
        return time;
    }

    /** How many frames a filmstrip has, as typed. */
    public StringProperty framesProperty() {
        return frames;
    }

    /** A people count's sample rate, in frames per second of video, as typed. */
    public StringProperty fpsProperty() {
        return fps;
    }

    /** An ONNX person detector's file; empty for the built-in one. */
    public StringProperty detectorProperty() {
        return detector;
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty framesErrorProperty() {
        return framesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fpsErrorProperty() {
        return fpsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detectorErrorProperty() {
        return detectorError.getReadOnlyProperty();
    }

    /** Why the last retry was refused, for people; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Every field holds something the retry can use. */
    public BooleanBinding validBinding() {
        return valid;
    }
}
