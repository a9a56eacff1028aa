package com.intellivision.console.ui.preview;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.PeopleCountResult.Sample;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.Timecode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A completed people count: the busiest frame with its people boxed, the count, how it was made, the
 * people in view over time, and what the count's alerts say.
 */
public final class PeopleCountViewModel {

    /** One of the count's alerts; {@code when} is empty when it concerns the whole video. */
    public record AlertLine(String message, String when) {}

    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ObservableList<Sample> timeline = FXCollections.observableArrayList();
    private final ObservableList<AlertLine> alerts = FXCollections.observableArrayList();
    // Kept, not made per call: a read-only view forwards changes only while someone holds it.
    private final ObservableList<Sample> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<AlertLine> readOnlyAlerts = FXCollections.unmodifiableObservableList(alerts);
    private final ZoomViewModel zoom = new ZoomViewModel();
    private final CountFrameViewModel frame = new CountFrameViewModel();
    private final LiveCountViewModel live = new LiveCountViewModel();
    private PeopleCountResult shown;

    void show(Job job, PeopleCountResult result) {
        frame.show(job, result);
        if (result.equals(shown)) {
            return;
        }
        shown = result;
        countText.set(peopleText(result.personCount()));
        facts.set(factsOf(result));
        details.set(detailsOf(result));
        timeline.setAll(result.timeline());
        alerts.setAll(result.alerts().stream()
                .map(alert -> new AlertLine(alert.message(), alert.timestamp() == null ? "" : Timecode.format(alert.timestamp())))
                .toList());
    }

    /** "1 person", "14 people". */
    public static String peopleText(int count) {
        return count == 1 ? "1 person" : count + " people";
    }

    /** For example "21 tracks in all · 2 fps · hog". */
    static String factsOf(PeopleCountResult result) {
        List<String> parts = new ArrayList<>();
        parts.add(result.rawTrackCount() + (result.rawTrackCount() == 1 ? " track" : " tracks") + " in all");
        parts.add(String.format(Locale.ROOT, "%s fps", trimmed(result.fps())));
        if (!result.detectionStrategies().isEmpty()) {
            parts.add(String.join(", ", result.detectionStrategies()));
        }
        return String.join(" · ", parts);
    }

    /** For example "busiest frame at 00:00:05 · 1280 × 720 · 40 frames analysed · took 3.20 s". */
    static String detailsOf(PeopleCountResult result) {
        List<String> parts = new ArrayList<>();
        // A server's count tells less: no frames analysed means no busiest frame either.
        if (result.framesProcessed() > 0) {
            parts.add("busiest frame at " + Timecode.format(result.annotatedTimestamp()));
        }
        if (result.width() > 0 && result.height() > 0) {
            parts.add(result.width() + " × " + result.height());
        }
        if (result.framesProcessed() > 0) {
            parts.add(result.framesProcessed() + " frames analysed");
        }
        if (result.processingTime() > 0) {
            parts.add(String.format(Locale.ROOT, "took %.2f s", result.processingTime()));
        }
        return String.join(" · ", parts);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    /** How the frame is zoomed. */
    public ZoomViewModel zoom() {
        return zoom;
    }

    /** The count while it runs: its latest frame, boxed. */
    public LiveCountViewModel live() {
        return live;
    }

    /** Which frame is shown large, with or without boxes. */
    public CountFrameViewModel frame() {
        return frame;
    }

    /** The frame shown's URL (the annotated busiest frame at first), or null if the job made none. */
    public ReadOnlyStringProperty imageUrlProperty() {
        return frame.imageUrlProperty();
    }

    /** The count itself, e.g. "14 people". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What was counted and how: every track started, the sample rate, the detectors. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** People in view at each analysed frame. */
    public ObservableList<Sample> timeline() {
        return readOnlyTimeline;
    }

    public ObservableList<AlertLine> alerts() {
        return readOnlyAlerts;
    }
}
