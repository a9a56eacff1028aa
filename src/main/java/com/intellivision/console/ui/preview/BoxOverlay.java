package com.intellivision.console.ui.preview;

import com.intellivision.console.job.PersonBox;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * People's boxes drawn over a zoomable image, from their coordinates in the image's pixels: they
 * follow the image as it is zoomed and panned, and cost nothing to hide.
 */
final class BoxOverlay {

    private final Pane pane;
    private final ZoomViewModel zoom;
    private final ObservableList<PersonBox> boxes;

    /** Draws {@code boxes} on {@code pane}, which lies exactly over the pane {@code zoom} places the image in. */
    static void bind(Pane pane, ZoomViewModel zoom, ObservableList<PersonBox> boxes) {
        BoxOverlay overlay = new BoxOverlay(pane, zoom, boxes);
        boxes.addListener((ListChangeListener<PersonBox>) change -> overlay.draw());
        zoom.placementProperty().addListener(observable -> overlay.draw());
        overlay.draw();
    }

    private BoxOverlay(Pane pane, ZoomViewModel zoom, ObservableList<PersonBox> boxes) {
        this.pane = pane;
        this.zoom = zoom;
        this.boxes = boxes;
    }

    private void draw() {
        List<Node> shapes = new ArrayList<>();
        if (zoom.placementProperty().get() != null) {
            for (PersonBox box : boxes) {
                double left = zoom.paneX(box.x());
                double top = zoom.paneY(box.y());
                Rectangle outline = new Rectangle(left, top, zoom.paneX(box.x() + box.width()) - left, zoom.paneY(box.y() + box.height()) - top);
                outline.getStyleClass().add("person-box");
                Label track = new Label("#" + box.track());
                track.getStyleClass().add("person-box-label");
                track.relocate(left, Math.max(0, top - 16));
                shapes.add(outline);
                shapes.add(track);
            }
        }
        pane.getChildren().setAll(shapes);
    }
}
