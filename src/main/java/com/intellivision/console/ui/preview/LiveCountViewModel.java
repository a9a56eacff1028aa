package com.intellivision.console.ui.preview;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.PersonBox;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.ProgressDetails.LiveFrame;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.ui.common.Percent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A people count while it runs: the frame the worker analysed last with the people it found boxed,
 * how many, and how far the count has come. The worker sends a frame twice a second at most.
 */
public final class LiveCountViewModel {

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<PersonBox> boxes = FXCollections.observableArrayList();
    private final ObservableList<PersonBox> readOnlyBoxes = FXCollections.unmodifiableObservableList(boxes);
    private final ZoomViewModel zoom = new ZoomViewModel();

    /** Whether {@code frame} can be shown here: one the pool wrote on this machine. */
    static boolean canShow(LiveFrame frame) {
        return frame != null && frame.url() != null && frame.url().startsWith("file:");
    }

    /** The count's latest frame and report; {@code report} may be older or newer than the frame. */
    void show(LiveFrame frame, JobProgress report) {
        if (!frame.url().equals(imageUrl.get())) {
            // The boxes first: the view takes them with the image.
            boxes.setAll(frame.boxes());
            imageUrl.set(frame.url());
            countText.set(PeopleCountViewModel.peopleText(frame.boxes().size()) + " in view");
            caption.set("The frame being analysed, at " + Timecode.format(frame.timestamp()));
        }
        ProgressDetails details = report == null ? null : report.details();
        figures.set(details == null ? "" : ProgressPreviewViewModel.figuresOf(details));
        progress.set(report == null ? 0 : Percent.fraction(report.percentage()));
        active.set(true);
    }

    void clear() {
        active.set(false);
        imageUrl.set(null);
        boxes.clear();
        countText.set("");
        caption.set("");
        figures.set("");
        progress.set(0);
    }

    /** Whether a running count's frame is shown, rather than a finished count. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageUrlProperty() {
        return imageUrl.getReadOnlyProperty();
    }

    /** People in the frame shown, e.g. "4 people in view". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Which moment the frame is, e.g. "The frame being analysed, at 00:00:12". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Frames done and to do, rate and time left. */
    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Between 0 and 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The people found in the frame shown, in its pixels. */
    public ObservableList<PersonBox> boxes() {
        return readOnlyBoxes;
    }

    /** How the frame is zoomed; kept from frame to frame, as they all have the video's size. */
    public ZoomViewModel zoom() {
        return zoom;
    }
}
