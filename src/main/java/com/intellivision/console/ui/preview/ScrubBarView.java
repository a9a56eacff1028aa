package com.intellivision.console.ui.preview;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;

/**
 * The scrub bar under a frame with a storyboard: a slider across the video; while the pointer is over
 * it or the knob is dragged, the storyboard's tile of that moment shows over the frame.
 */
public final class ScrubBarView {

    private static final int SHEETS_KEPT = 8;

    @FXML private HBox scrubBar;
    @FXML private Slider scrubSlider;
    @FXML private Label scrubTime;
    @FXML private Button extractButton;
    /** Each sprite sheet is loaded once, however often people scrub across it; only the latest few are kept. */
    private final Map<String, Image> sheets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > SHEETS_KEPT;
        }
    };

    /**
     * @param tile the card over the frame that shows the moment's tile, holding {@code tileImage} and {@code tileTime}
     */
    public void bind(ScrubBarViewModel viewModel, Node tile, ImageView tileImage, Label tileTime) {
        scrubBar.visibleProperty().bind(viewModel.availableProperty());
        scrubBar.managedProperty().bind(scrubBar.visibleProperty());
        scrubSlider.maxProperty().bind(viewModel.durationProperty());
        scrubSlider.valueProperty().bindBidirectional(viewModel.positionProperty());
        scrubSlider.valueChangingProperty().addListener((property, before, changing) -> viewModel.setDragging(changing));
        scrubSlider.addEventHandler(MouseEvent.MOUSE_MOVED, event -> viewModel.hover(secondsAt(event)));
        scrubSlider.addEventHandler(MouseEvent.MOUSE_EXITED, event -> viewModel.hoverEnded());
        scrubTime.textProperty().bind(viewModel.positionTextProperty());
        extractButton.disableProperty().bind(viewModel.extractingProperty());
        extractButton.setOnAction(event -> viewModel.extractFrame());

        tile.visibleProperty().bind(viewModel.peekingProperty().and(viewModel.tileSheetUrlProperty().isNotNull()));
        viewModel.tileSheetUrlProperty().addListener((property, before, url) ->
                tileImage.setImage(url == null ? null : sheets.computeIfAbsent(url, sheet -> new Image(sheet, true))));
        tileImage.viewportProperty().bind(viewModel.tileViewportProperty());
        tileTime.textProperty().bind(viewModel.momentTextProperty());
    }

    /** The time under the pointer, measured along the slider's track rather than the whole control. */
    private double secondsAt(MouseEvent event) {
        Node track = scrubSlider.lookup(".track");
        Bounds bounds = track != null ? track.getBoundsInParent() : scrubSlider.getLayoutBounds();
        double fraction = (event.getX() - bounds.getMinX()) / Math.max(1, bounds.getWidth());
        return scrubSlider.getMin() + Math.max(0, Math.min(1, fraction)) * (scrubSlider.getMax() - scrubSlider.getMin());
    }
}
