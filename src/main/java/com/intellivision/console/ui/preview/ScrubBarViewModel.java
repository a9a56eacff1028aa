package com.intellivision.console.ui.preview;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.Storyboard.Tile;
import com.intellivision.console.job.Storyboard;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.ui.common.FrameResults;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;

/**
 * A scrub bar across the selected frame job's video, where the site publishes a storyboard (YouTube
 * does): any moment has a picture at once, cut from the storyboard's sprite sheets, and "Extract this
 * frame" asks for the exact frame at the chosen moment as a new job.
 */
public final class ScrubBarViewModel {

    private final TaskRunner tasks;
    private final BiFunction<String, JobRequest, Job> submit;
    private final BiConsumer<String, Job> onSubmitted;
    private final Notices notices;
    /** The shown storyboard's sheets, each loaded once however often people scrub over it. */

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(0);
    private final DoubleProperty position = new SimpleDoubleProperty(0);
    private final ReadOnlyObjectWrapper<Double> hovered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dragging = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper peeking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper tileSheetUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Rectangle2D> tileViewport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper momentText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper extracting = new ReadOnlyBooleanWrapper(false);

    private final InvalidationListener refreshOnChange = observable -> follow();
    private JobRow row;
    private Job shownJob;
    private Storyboard storyboard;

    /**
     * @param submit submits to the deployment of the given id, run in the background
     * @param onSubmitted what to do with the new job of that deployment, on the UI thread (select it)
     * @param loadSheet makes the image of a sprite sheet's URL, loading in the background
     */
    public ScrubBarViewModel(ObservableValue<JobRow> selectedRow, TaskRunner tasks, BiFunction<String, JobRequest, Job> submit,
            BiConsumer<String, Job> onSubmitted, Notices notices) {
        this.tasks = tasks;
        this.submit = submit;
        this.onSubmitted = onSubmitted;
        this.notices = notices;
        position.addListener(observable -> showMoment());
        hovered.addListener(observable -> showMoment());
        selectedRow.addListener((property, before, after) -> select(after));
        select(selectedRow.getValue());
    }

    private void select(JobRow selected) {
        if (row != null) {
            row.jobProperty().removeListener(refreshOnChange);
        }
        row = selected;
        if (row != null) {
            row.jobProperty().addListener(refreshOnChange);
        }
        follow();
    }

    private void follow() {
        Job job = row == null ? null : row.job();
        Storyboard board = job == null ? null
                : FrameResults.of(job).map(FrameResult::storyboard).filter(Storyboard::isUsable).orElse(null);
        if (board == null) {
            shownJob = null;
            storyboard = null;
            available.set(false);
            refreshPeeking();
            return;
        }
        if (job.equals(shownJob)) {
            return;
        }
        shownJob = job;
        storyboard = board;
        duration.set(board.coveredSeconds());
        hovered.set(null);
        position.set(Math.min(duration.get(), FrameResults.of(job).map(FrameResult::timestamp).orElse(0.0)));
        available.set(true);
        dragging.set(false);
        refreshPeeking();
        showMoment();
    }

    /** The pointer is over the bar at {@code seconds}: show that moment without moving the knob. */
    public void hover(double seconds) {
        hovered.set(clamp(seconds));
        refreshPeeking();
    }

    public void hoverEnded() {
        hovered.set(null);
        refreshPeeking();
    }

    /** The knob is being dragged: show the moment under it. */
    public void setDragging(boolean isDragging) {
        dragging.set(isDragging);
        refreshPeeking();
    }

    private void refreshPeeking() {
        peeking.set(available.get() && (hovered.get() != null || dragging.get()));
    }

    /** The moment shown: under the pointer while it is over the bar, else at the knob. */
    private double moment() {
        if (dragging.get() || hovered.get() == null) {
            return position.get();
        }
        return hovered.get();
    }

    private void showMoment() {
        positionText.set(Timecode.format(rounded(position.get())));
        if (storyboard == null) {
            return;
        }
        double seconds = moment();
        momentText.set(Timecode.format(rounded(seconds)));
        Optional<Tile> tile = storyboard.tileAt(Math.min(seconds, duration.get() - 1e-6));
        tileSheetUrl.set(tile.map(Tile::sheetUrl).orElse(null));
        tileViewport.set(tile.map(found -> new Rectangle2D(found.x(), found.y(), found.width(), found.height())).orElse(null));
    }

    /** Submits a frame job for the knob's moment, of the same video. */
    public void extractFrame() {
        if (!available.get() || extracting.get()) {
            return;
        }
        double at = rounded(position.get());
        JobRequest request = JobRequest.frame(shownJob.youtubeUrl(), FrameParams.at(at));
        String deploymentId = row.deploymentId();
        extracting.set(true);
        tasks.run(() -> submit.apply(deploymentId, request), job -> {
            extracting.set(false);
            onSubmitted.accept(deploymentId, job);
        }, failure -> {
            extracting.set(false);
            notices.problem("Could not extract the frame at " + Timecode.format(at), failure);
        });
    }

    private double clamp(double seconds) {
        return Math.max(0, Math.min(duration.get(), seconds));
    }

    /** Tenths of a second: finer than a person can aim with a slider, and the timestamps stay short. */
    private static double rounded(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    /** Whether the selected job has a storyboard to scrub. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The video's length as the storyboard covers it, in seconds. */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** The knob, in seconds; the slider binds to it. */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** Whether a moment is being looked at (hovered or dragged), so its tile is shown. */
    public ReadOnlyBooleanProperty peekingProperty() {
        return peeking.getReadOnlyProperty();
    }

    /** Where the sprite sheet holding the shown moment's tile is; the view loads it, once. */
    public ReadOnlyStringProperty tileSheetUrlProperty() {
        return tileSheetUrl.getReadOnlyProperty();
    }

    /** The tile's rectangle on its sheet. */
    public ReadOnlyObjectProperty<Rectangle2D> tileViewportProperty() {
        return tileViewport.getReadOnlyProperty();
    }

    /** The shown moment's time. */
    public ReadOnlyStringProperty momentTextProperty() {
        return momentText.getReadOnlyProperty();
    }

    /** The knob's time, which "Extract this frame" asks for. */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty extractingProperty() {
        return extracting.getReadOnlyProperty();
    }
}
