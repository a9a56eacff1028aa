package com.intellivision.console.ui.preview;

import com.intellivision.console.job.FrameResult.FilmstripFrame;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A completed filmstrip's frames, as a row of thumbnails; the chosen one is shown large. */
public final class FilmstripViewModel {

    private final ObservableList<FilmstripFrame> frames = FXCollections.observableArrayList();
    private final ObservableList<FilmstripFrame> readOnlyFrames = FXCollections.unmodifiableObservableList(frames);
    private final ReadOnlyObjectWrapper<FilmstripFrame> selected = new ReadOnlyObjectWrapper<>();

    /** Shows {@code strip} with its first frame chosen; showing the same strip again keeps the choice. */
    void show(List<FilmstripFrame> strip) {
        if (frames.equals(strip)) {
            return;
        }
        frames.setAll(strip);
        selected.set(strip.isEmpty() ? null : strip.get(0));
    }

    void clear() {
        show(List.of());
    }

    /** Chooses one of the strip's frames to show large. */
    public void select(FilmstripFrame frame) {
        if (frames.contains(frame)) {
            selected.set(frame);
        }
    }

    public ObservableList<FilmstripFrame> frames() {
        return readOnlyFrames;
    }

    public ReadOnlyObjectProperty<FilmstripFrame> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
