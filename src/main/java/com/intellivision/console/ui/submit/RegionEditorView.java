package com.intellivision.console.ui.submit;

import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.LobbyZones.Point;
import com.intellivision.console.job.LobbyZones.Zone;
import com.intellivision.console.ui.submit.JobKind.Regions;
import com.intellivision.console.ui.submit.RegionEditorViewModel.Frame;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;

/**
 * The frame with what is drawn on it, and the mouse gestures that draw: drag for a line, click corners
 * (double-click to close) for a zone. Shapes are drawn in screen pixels and handed to the view model in
 * the video's own.
 */
public final class RegionEditorView {

    /** The largest the frame is shown; a smaller frame is shown at its own size. */
    private static final double MAX_WIDTH = 880;
    private static final double MAX_HEIGHT = 495;

    @FXML private Node loadingBox;
    @FXML private ProgressIndicator loadingSpinner;
    @FXML private Label status;
    @FXML private Node canvas;
    @FXML private ImageView frameImage;
    @FXML private Pane drawing;
    @FXML private Label hint;
    @FXML private Node zoneTools;
    @FXML private Spinner<Integer> threshold;
    @FXML private Button closeZoneButton;
    @FXML private Button undoButton;
    @FXML private Button clearButton;

    private RegionEditorViewModel viewModel;
    /** Screen pixels per video pixel, once the frame is known. */
    private double scale = 1;
    private Line dragged;

    void bind(RegionEditorViewModel editor) {
        viewModel = editor;
        status.textProperty().bind(editor.statusProperty());
        loadingSpinner.visibleProperty().bind(editor.loadingProperty());
        loadingBox.visibleProperty().bind(editor.frameProperty().isNull());
        canvas.visibleProperty().bind(editor.frameProperty().isNotNull());
        hint.textProperty().bind(editor.hintProperty());
        boolean zones = editor.regions() == Regions.ZONES;
        zoneTools.setVisible(zones);
        zoneTools.setManaged(zones);
        threshold.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 500, editor.thresholdProperty().get()));
        threshold.getValueFactory().valueProperty().addListener((property, before, value) -> {
            if (value != null) {
                editor.thresholdProperty().set(value);
            }
        });
        closeZoneButton.disableProperty().bind(Bindings.size(editor.openZone()).lessThan(3));
        closeZoneButton.setOnAction(event -> editor.closeZone());
        undoButton.setOnAction(event -> editor.undo());
        clearButton.setOnAction(event -> editor.clear());

        editor.frameProperty().addListener((property, before, frame) -> showFrame(frame));
        showFrame(editor.frameProperty().get());
        ListChangeListener<Object> redraw = change -> redraw();
        editor.lines().addListener(redraw);
        editor.zones().addListener(redraw);
        editor.openZone().addListener(redraw);
        drawing.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        drawing.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        drawing.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        drawing.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    }

    private void showFrame(Frame frame) {
        if (frame == null) {
            return;
        }
        scale = Math.min(1, Math.min(MAX_WIDTH / frame.width(), MAX_HEIGHT / frame.height()));
        frameImage.setImage(new Image(frame.imageUrl(), true));
        frameImage.setFitWidth(frame.width() * scale);
        frameImage.setFitHeight(frame.height() * scale);
        drawing.setPrefSize(frame.width() * scale, frame.height() * scale);
        drawing.setMaxSize(frame.width() * scale, frame.height() * scale);
        redraw();
    }

    // ---- lines: press, drag, release ----

    private void pressed(MouseEvent event) {
        if (viewModel.regions() != Regions.LINES || event.getButton() != MouseButton.PRIMARY
                || viewModel.lines().size() >= EmergencyLines.LINES) {
            return;
        }
        dragged = new Line(event.getX(), event.getY(), event.getX(), event.getY());
        dragged.getStyleClass().addAll("region-line", "region-line-drawing");
        drawing.getChildren().add(dragged);
    }

    private void dragged(MouseEvent event) {
        if (dragged != null) {
            dragged.setEndX(clampX(event.getX()));
            dragged.setEndY(clampY(event.getY()));
        }
    }

    private void released(MouseEvent event) {
        if (dragged == null) {
            return;
        }
        Line line = dragged;
        dragged = null;
        drawing.getChildren().remove(line);
        viewModel.addLine(line.getStartX() / scale, line.getStartY() / scale, clampX(event.getX()) / scale, clampY(event.getY()) / scale);
    }

    // ---- zones: click the corners, double-click to close ----

    private void clicked(MouseEvent event) {
        if (viewModel.regions() != Regions.ZONES || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (event.getClickCount() >= 2) {
            viewModel.closeZone();
        } else {
            viewModel.addCorner(clampX(event.getX()) / scale, clampY(event.getY()) / scale);
        }
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(drawing.getPrefWidth(), x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(drawing.getPrefHeight(), y));
    }

    /** Draws what the view model holds, from scratch: there are a handful of shapes at most. */
    private void redraw() {
        List<Node> shapes = new ArrayList<>();
        int number = 1;
        for (EmergencyLines.Line line : viewModel.lines()) {
            Line shape = new Line(line.startX() * scale, line.startY() * scale, line.endX() * scale, line.endY() * scale);
            shape.getStyleClass().addAll("region-line", "region-line-" + number);
            shapes.add(shape);
            shapes.add(label("Line " + number++, line.startX() * scale, line.startY() * scale));
        }
        for (Zone zone : viewModel.zones()) {
            Polygon shape = new Polygon(screenCoordinates(zone.points()));
            shape.getStyleClass().add("region-zone");
            shapes.add(shape);
            Point first = zone.points().get(0);
            shapes.add(label(zone.name() + " · above " + zone.threshold(), first.x() * scale, first.y() * scale));
        }
        if (!viewModel.openZone().isEmpty()) {
            Polyline open = new Polyline(screenCoordinates(viewModel.openZone()));
            open.getStyleClass().add("region-zone-open");
            shapes.add(open);
            for (Point corner : viewModel.openZone()) {
                Circle dot = new Circle(corner.x() * scale, corner.y() * scale, 4);
                dot.getStyleClass().add("region-corner");
                shapes.add(dot);
            }
        }
        if (dragged != null) {
            shapes.add(dragged);
        }
        drawing.getChildren().setAll(shapes);
    }

    private double[] screenCoordinates(List<Point> points) {
        double[] coordinates = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            coordinates[2 * i] = points.get(i).x() * scale;
            coordinates[2 * i + 1] = points.get(i).y() * scale;
        }
        return coordinates;
    }

    private static Text label(String text, double x, double y) {
        Text label = new Text(x + 6, Math.max(14, y - 6), text);
        label.getStyleClass().add("region-label");
        label.setMouseTransparent(true);
        return label;
    }
}
