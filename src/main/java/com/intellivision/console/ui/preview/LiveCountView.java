package com.intellivision.console.ui.preview;

import com.intellivision.console.job.PersonBox;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A running count's latest frame with its people boxed. Each frame is decoded in the background and
 * shown, with its boxes, only once whole, so the picture never blinks between frames.
 */
public final class LiveCountView {

    @FXML private Node liveFace;
    @FXML private Region liveHolder;
    @FXML private ImageView liveImage;
    @FXML private Pane liveBoxes;
    @FXML private ZoomableImageView liveZoomController;
    @FXML private Label livePeople;
    @FXML private Label liveCaption;
    @FXML private Label liveFigures;
    @FXML private ProgressBar liveProgress;

    private final ObservableList<PersonBox> shownBoxes = FXCollections.observableArrayList();
    private Image loading;

    Node face() {
        return liveFace;
    }

    void bind(LiveCountViewModel viewModel) {
        liveZoomController.bind(viewModel.zoom(), liveHolder, liveImage, true);
        BoxOverlay.bind(liveBoxes, viewModel.zoom(), shownBoxes);
        livePeople.textProperty().bind(viewModel.countTextProperty());
        liveCaption.textProperty().bind(viewModel.captionProperty());
        liveFigures.textProperty().bind(viewModel.figuresProperty());
        liveProgress.progressProperty().bind(viewModel.progressProperty());
        viewModel.imageUrlProperty().addListener((property, before, url) -> load(url, List.copyOf(viewModel.boxes())));
    }

    private void load(String url, List<PersonBox> boxes) {
        if (url == null) {
            loading = null;
            liveImage.setImage(null);
            shownBoxes.clear();
            return;
        }
        Image next = new Image(url, true);
        loading = next;
        next.progressProperty().addListener((property, before, done) -> showOnceLoaded(next, boxes));
        showOnceLoaded(next, boxes);
    }

    /** A frame overtaken by a newer one, or removed before it was read, is skipped. */
    private void showOnceLoaded(Image next, List<PersonBox> boxes) {
        if (next.getProgress() >= 1 && !next.isError() && loading == next && liveImage.getImage() != next) {
            liveImage.setImage(next);
            shownBoxes.setAll(boxes);
        }
    }
}
