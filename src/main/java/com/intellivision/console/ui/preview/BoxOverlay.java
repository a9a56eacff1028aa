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
 * follow the image as it is zoomed and panned, and cost nothing to hide. A zoom or a pan moves the
 * boxes drawn; only other people make new ones, so that a drag does not style dozens of new nodes
 * each time the pointer moves.
 */
final class BoxOverlay {

    private final Pane pane;
    private final ZoomViewModel zoom;
    private final ObservableList<PersonBox> boxes;
    private final List<Drawn> drawn = new ArrayList<>();

    /** A person's outline and track label, and the box they are drawn for. */
    private record Drawn(PersonBox box, Rectangle outline, Label track) {}

    /** Draws {@code boxes} on {@code pane}, which lies exactly over the pane {@code zoom} places the image in. */
    static void bind(Pane pane, ZoomViewModel zoom, ObservableList<PersonBox> boxes) {
        BoxOverlay overlay = new BoxOverlay(pane, zoom, boxes);
        boxes.addListener((ListChangeListener<PersonBox>) change -> overlay.redraw());
        zoom.placementProperty().addListener(observable -> overlay.place());
        overlay.redraw();
    }

    private BoxOverlay(Pane pane, ZoomViewModel zoom, ObservableList<PersonBox> boxes) {
        this.pane = pane;
        this.zoom = zoom;
        this.boxes = boxes;
    }

    private void redraw() {
        drawn.clear();
        List<Node> shapes = new ArrayList<>();
        for (PersonBox box : boxes) {
            Rectangle outline = new Rectangle();
            outline.getStyleClass().add("person-box");
            Label track = new Label("#" + box.track());
            track.getStyleClass().add("person-box-label");
            drawn.add(new Drawn(box, outline, track));
            shapes.add(outline);
            shapes.add(track);
        }
        pane.getChildren().setAll(shapes);
        place();
    }

    /** Without a placement (no image yet, or no room) the boxes would be nowhere: they are hidden. */
    private void place() {
        boolean placed = zoom.placementProperty().get() != null;
        pane.setVisible(placed);
        if (!placed) {
            return;
        }
        for (Drawn person : drawn) {
            PersonBox box = person.box();
            double left = zoom.paneX(box.x());
            double top = zoom.paneY(box.y());
            person.outline().setX(left);
            person.outline().setY(top);
            person.outline().setWidth(zoom.paneX(box.x() + box.width()) - left);
            person.outline().setHeight(zoom.paneY(box.y() + box.height()) - top);
            person.track().relocate(left, Math.max(0, top - 16));
        }
    }
}
