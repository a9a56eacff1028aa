package com.intellivision.console.ui.submit;

import com.intellivision.console.job.LinkDetails;
import com.intellivision.console.ui.submit.LinkCardViewModel.Face;
import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The card under the URL field. A link is looked up once the typing pauses (a paste is one change, so
 * it is looked up {@value #PAUSE_MILLIS} ms later); each change hides the card until then.
 */
public final class LinkCardView {

    /** Long enough to let a typed link settle, short enough to feel immediate after a paste. */
    public static final double PAUSE_MILLIS = 300;
    private static final Duration PAUSE = Duration.millis(PAUSE_MILLIS);

    @FXML private StackPane linkCard;
    @FXML private Label linkLooking;
    @FXML private Node linkFound;
    @FXML private ImageView linkThumbnail;
    @FXML private Label linkTitle;
    @FXML private Label linkAbout;
    @FXML private Label linkStream;
    @FXML private Label linkProblem;

    private final PauseTransition pause = new PauseTransition(PAUSE);

    /** @param link the field's text, looked up once it pauses */
    public void bind(LinkCardViewModel viewModel, StringProperty link) {
        pause.setOnFinished(done -> viewModel.lookUp(link.get()));
        link.addListener((property, before, after) -> {
            pause.stop();
            if (viewModel.worthLookingUp(after)) {
                pause.playFromStart();
            }
        });

        showOn(linkCard, viewModel.faceProperty().isNotEqualTo(Face.NONE));
        showOn(linkLooking, viewModel.faceProperty().isEqualTo(Face.LOOKING));
        showOn(linkFound, viewModel.faceProperty().isEqualTo(Face.FOUND));
        showOn(linkProblem, viewModel.faceProperty().isEqualTo(Face.UNUSABLE));
        linkProblem.textProperty().bind(viewModel.problemProperty());
        linkAbout.textProperty().bind(viewModel.aboutProperty());
        viewModel.detailsProperty().addListener((property, before, details) -> show(details));
    }

    void close() {
        pause.stop();
        pause.setOnFinished(null);
    }

    private void show(LinkDetails details) {
        if (details == null) {
            linkThumbnail.setImage(null);
            return;
        }
        linkTitle.setText(details.title());
        linkTitle.setTooltip(new Tooltip(details.title() + "\n" + details.link()));
        linkStream.setText("Reads " + details.stream());
        // Loaded in the background; a thumbnail that cannot be loaded leaves the film icon beneath it.
        linkThumbnail.setImage(null);
        if (details.thumbnailUrl() != null) {
            try {
                linkThumbnail.setImage(new Image(details.thumbnailUrl(), true));
            } catch (IllegalArgumentException notAnImageUrl) {
                // The icon stays.
            }
        }
    }

    private static void showOn(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
