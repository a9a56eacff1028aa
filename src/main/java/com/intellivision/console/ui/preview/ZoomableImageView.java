package com.intellivision.console.ui.preview;

import com.intellivision.console.ui.common.RegionClips;
import com.intellivision.console.ui.common.Shortcuts;
import com.intellivision.console.ui.preview.ZoomViewModel.Placement;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Makes an image in a pane zoomable: the wheel zooms around the pointer, a drag pans, a double click
 * shows actual pixels there, and the bar over the corner zooms, shows 1:1 or fits, with the level.
 * The image view shows only the part in view ({@link ImageView#setViewport}), so a zoomed frame costs
 * no more to draw than a fitted one.
 */
public final class ZoomableImageView {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    /** Wheels move 40 pixels a notch; trackpads send many smaller steps, each zooming as much less. */
    private static final double PIXELS_PER_NOTCH = 40;

    @FXML private HBox zoomBar;
    @FXML private Label zoomLevel;
    @FXML private Button zoomOutButton;
    @FXML private Button zoomInButton;
    @FXML private Button actualSizeButton;
    @FXML private Button fitButton;

    private double dragX;
    private double dragY;

    /** Shows {@code image} in {@code holder} as {@code viewModel} places it, each new image fitted; call once. */
    void bind(ZoomViewModel viewModel, Region holder, ImageView image) {
        bind(viewModel, holder, image, false);
    }

    /**
     * As {@link #bind(ZoomViewModel, Region, ImageView)}; with {@code series}, a new image of the same
     * size keeps the zoom, as the frames of a running count should.
     */
    void bind(ZoomViewModel viewModel, Region holder, ImageView image, boolean series) {
        image.setPreserveRatio(false);
        RegionClips.clipToEdges(holder);
        viewModel.placementProperty().addListener((property, before, placement) -> place(image, placement));
        place(image, viewModel.placementProperty().get());
        InvalidationListener paneResized = observable -> viewModel.resizePane(holder.getWidth(), holder.getHeight());
        holder.widthProperty().addListener(paneResized);
        holder.heightProperty().addListener(paneResized);
        viewModel.resizePane(holder.getWidth(), holder.getHeight());
        followImage(viewModel, image, series);
        bindGestures(viewModel, holder);
        bindBar(viewModel, image);
    }

    /** A new image is fitted once its size is known, which for one loading in the background is when it has loaded. */
    private static void followImage(ZoomViewModel viewModel, ImageView view, boolean series) {
        InvalidationListener sized = observable -> {
            Image image = view.getImage();
            double width = image == null ? 0 : image.getWidth();
            double height = image == null ? 0 : image.getHeight();
            if (series) {
                viewModel.nextImage(width, height);
            } else {
                viewModel.showImage(width, height);
            }
        };
        view.imageProperty().addListener((property, before, image) -> {
            if (before != null) {
                before.widthProperty().removeListener(sized);
            }
            if (image != null) {
                image.widthProperty().addListener(sized);
            }
            sized.invalidated(property);
        });
        sized.invalidated(view.imageProperty());
    }

    private static void place(ImageView image, Placement placement) {
        // Without a placement (still loading, or no room yet) an image view would draw at the image's own size.
        image.setVisible(placement != null);
        if (placement == null) {
            image.setViewport(null);
            image.setFitWidth(0);
            image.setFitHeight(0);
            return;
        }
        image.setViewport(new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height()));
        image.setFitWidth(placement.shownWidth());
        image.setFitHeight(placement.shownHeight());
    }

    private void bindGestures(ZoomViewModel viewModel, Region holder) {
        holder.addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() == 0 || viewModel.placementProperty().get() == null) {
                return;
            }
            viewModel.zoomAt(Math.pow(ZoomViewModel.STEP, event.getDeltaY() / PIXELS_PER_NOTCH), event.getX(), event.getY());
            event.consume();
        });
        holder.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            dragX = event.getX();
            dragY = event.getY();
        });
        holder.addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            if (event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            viewModel.panBy(event.getX() - dragX, event.getY() - dragY);
            dragX = event.getX();
            dragY = event.getY();
            holder.setCursor(viewModel.pannableProperty().get() ? Cursor.CLOSED_HAND : null);
        });
        holder.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> holder.setCursor(viewModel.pannableProperty().get() ? Cursor.OPEN_HAND : null));
        holder.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && event.isStillSincePress()) {
                if (viewModel.fittedProperty().get()) {
                    viewModel.actualSizeAt(event.getX(), event.getY());
                } else {
                    viewModel.fit();
                }
            }
        });
        viewModel.pannableProperty().addListener((property, before, pannable) -> holder.setCursor(pannable ? Cursor.OPEN_HAND : null));
    }

    private void bindBar(ZoomViewModel viewModel, ImageView image) {
        zoomBar.visibleProperty().bind(viewModel.placementProperty().isNotNull());
        zoomLevel.textProperty().bind(viewModel.zoomTextProperty());
        zoomOutButton.setOnAction(event -> viewModel.zoomOut());
        zoomInButton.setOnAction(event -> viewModel.zoomIn());
        actualSizeButton.setOnAction(event -> viewModel.actualSize());
        fitButton.setOnAction(event -> viewModel.fit());
        viewModel.fittedProperty().addListener((property, before, fitted) -> fitButton.pseudoClassStateChanged(CHOSEN, fitted));
        fitButton.pseudoClassStateChanged(CHOSEN, viewModel.fittedProperty().get());
        Shortcuts.pressShown(zoomOutButton, Shortcuts.ZOOM_OUT);
        Shortcuts.pressShown(zoomInButton, Shortcuts.ZOOM_IN);
        Shortcuts.pressShown(actualSizeButton, Shortcuts.ZOOM_ACTUAL);
        Shortcuts.pressShown(fitButton, Shortcuts.ZOOM_FIT);
    }
}
