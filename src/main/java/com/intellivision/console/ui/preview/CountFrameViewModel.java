package com.intellivision.console.ui.preview;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.PeopleCountResult.Sample;
import com.intellivision.console.job.PersonBox;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobImages;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which frame of a completed count is shown large: the busiest, with or without its boxes, or the
 * frame of a sample chosen on the chart, taken on demand with the boxes of that sample drawn over it.
 * Only the frames asked for are taken, one at a time, and kept for the count shown.
 */
public final class CountFrameViewModel {

    /** Takes the frame of a video at a moment, blocking until it is there; answers the image's URL. */
    @FunctionalInterface
    public interface SampleFrames {
        String frameAt(Job count, double seconds);
    }

    static final String NO_CLEAN_FRAME = "This count's frame has its boxes drawn in; counts made by this console from now on keep "
            + "the frame without them too.";
    static final String NO_SAMPLE_FRAMES = "Frames of other samples are taken by this console's own pool, which is not available here.";

    private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper();
    private final BooleanProperty boxesShown = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper boxesToggleOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper boxesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Sample> shownSample = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<PersonBox> overlay = FXCollections.observableArrayList();
    private final ObservableList<PersonBox> readOnlyOverlay = FXCollections.unmodifiableObservableList(overlay);

    private final Map<Double, String> taken = new HashMap<>();
    private TaskRunner tasks;
    private SampleFrames frames;
    private Job job;
    private PeopleCountResult result;

    CountFrameViewModel() {
        boxesShown.addListener(observable -> refresh());
    }

    /** How sample frames are taken; until this is called, only the busiest frame is shown. */
    public void takeSampleFramesWith(TaskRunner runner, SampleFrames source) {
        this.tasks = runner;
        this.frames = source;
    }

    /** A count to show, from its busiest frame; the same count again keeps the frame chosen. */
    void show(Job count, PeopleCountResult counted) {
        boolean sameCount = job != null && job.id() == count.id() && counted.equals(result);
        job = count;
        result = counted;
        if (!sameCount) {
            taken.clear();
            shownSample.set(null);
            loading.set(false);
            problem.set("");
        }
        boxesToggleOffered.set(cleanImageUrl() != null);
        boxesNote.set(cleanImageUrl() != null ? "" : NO_CLEAN_FRAME);
        refresh();
    }

    /** Shows the frame of the sample nearest {@code seconds}, as when someone clicks the chart there. */
    public void showSampleNear(double seconds) {
        if (result == null || result.timeline().isEmpty()) {
            return;
        }
        Sample nearest = result.timeline().get(0);
        for (Sample sample : result.timeline()) {
            if (Math.abs(sample.timestamp() - seconds) < Math.abs(nearest.timestamp() - seconds)) {
                nearest = sample;
            }
        }
        showSample(nearest);
    }

    void showSample(Sample sample) {
        if (sample.timestamp() == result.annotatedTimestamp()) {
            showBusiest();
            return;
        }
        if (frames == null) {
            problem.set(NO_SAMPLE_FRAMES);
            return;
        }
        shownSample.set(sample);
        problem.set("");
        if (taken.containsKey(sample.timestamp())) {
            refresh();
            return;
        }
        loading.set(true);
        caption.set("Taking the frame at " + Timecode.format(sample.timestamp()) + "…");
        Job count = job;
        tasks.run(() -> frames.frameAt(count, sample.timestamp()), url -> {
            if (job != count || !sample.equals(shownSample.get())) {
                return;
            }
            taken.put(sample.timestamp(), url);
            loading.set(false);
            refresh();
        }, failure -> {
            if (job != count || !sample.equals(shownSample.get())) {
                return;
            }
            loading.set(false);
            shownSample.set(null);
            problem.set("The frame at " + Timecode.format(sample.timestamp()) + " could not be taken: " + Failures.messageOf(failure)
                    + ". The busiest frame is shown instead.");
            refresh();
        });
    }

    /** Back to the busiest frame. */
    public void showBusiest() {
        shownSample.set(null);
        loading.set(false);
        problem.set("");
        refresh();
    }

    private void refresh() {
        overlay.clear();
        if (job == null) {
            imageUrl.set(null);
            caption.set("");
            return;
        }
        Sample sample = shownSample.get();
        if (sample == null) {
            String clean = cleanImageUrl();
            imageUrl.set(clean != null && !boxesShown.get() ? clean : JobImages.urlOf(job.outputImage()));
            caption.set(result.framesProcessed() > 0 ? "Busiest frame, at " + Timecode.format(result.annotatedTimestamp()) : "");
            return;
        }
        if (loading.get()) {
            return;
        }
        imageUrl.set(taken.get(sample.timestamp()));
        if (boxesShown.get()) {
            overlay.setAll(sample.boxes());
        }
        caption.set("At " + Timecode.format(sample.timestamp()) + " · " + PeopleCountViewModel.peopleText(sample.count()) + " in view");
    }

    /** The busiest frame without boxes where this console can load it: a server's is not kept on this machine. */
    private String cleanImageUrl() {
        String clean = result == null ? null : result.cleanImageUrl();
        return clean != null && clean.startsWith("file:") ? clean : null;
    }

    /** The frame to show, or null if there is none. */
    public ReadOnlyStringProperty imageUrlProperty() {
        return imageUrl.getReadOnlyProperty();
    }

    /** Whether people's boxes are shown: drawn in on the busiest frame, drawn over a sample's. */
    public BooleanProperty boxesShownProperty() {
        return boxesShown;
    }

    /** Whether the boxes can be hidden on the busiest frame: only where its clean copy was kept. */
    public ReadOnlyBooleanProperty boxesToggleOfferedProperty() {
        return boxesToggleOffered.getReadOnlyProperty();
    }

    /** Why the boxes cannot be hidden, or empty. */
    public ReadOnlyStringProperty boxesNoteProperty() {
        return boxesNote.getReadOnlyProperty();
    }

    /** The sample whose frame is shown, or null for the busiest frame. */
    public ReadOnlyObjectProperty<Sample> shownSampleProperty() {
        return shownSample.getReadOnlyProperty();
    }

    /** Whether a sample's frame is being taken. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Which frame is shown, e.g. "At 00:00:12 · 4 people in view". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Why a sample's frame is not shown, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Boxes to draw over the frame shown, in its pixels: a sample's people while boxes are shown. */
    public ObservableList<PersonBox> overlay() {
        return readOnlyOverlay;
    }
}
