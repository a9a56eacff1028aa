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
 * it is looked up {@link #PAUSE} later); each change hides the card until then.
 */
public final class LinkCardView {

    /** Long enough to let a typed link settle, short enough to feel immediate after a paste. */
    static final Duration PAUSE = Duration.millis(300);

    @FXML private StackPane root;
    @FXML private Label looking;
    @FXML private Node found;
    @FXML private ImageView thumbnail;
    @FXML private Label title;
    @FXML private Label about;
    @FXML private Label stream;
    @FXML private Label problem;

    /** @param link the field's text, looked up once it pauses */
    public void bind(LinkCardViewModel viewModel, StringProperty link) {
        PauseTransition pause = new PauseTransition(PAUSE);
        pause.setOnFinished(done -> viewModel.lookUp(link.get()));
        link.addListener((property, before, after) -> {
            pause.stop();
            if (viewModel.worthLookingUp(after)) {
                pause.playFromStart();
            }
        });

        showOn(root, viewModel.faceProperty().isNotEqualTo(Face.NONE));
        showOn(looking, viewModel.faceProperty().isEqualTo(Face.LOOKING));
        showOn(found, viewModel.faceProperty().isEqualTo(Face.FOUND));
        showOn(problem, viewModel.faceProperty().isEqualTo(Face.UNUSABLE));
        problem.textProperty().bind(viewModel.problemProperty());
        about.textProperty().bind(viewModel.aboutProperty());
        viewModel.detailsProperty().addListener((property, before, details) -> show(details));
    }

    private void show(LinkDetails details) {
        if (details == null) {
            thumbnail.setImage(null);
            return;
        }
        title.setText(details.title());
        title.setTooltip(new Tooltip(details.title() + "\n" + details.link()));
        stream.setText("Reads " + details.stream());
        // Loaded in the background; a thumbnail that cannot be loaded leaves the film icon beneath it.
        thumbnail.setImage(details.thumbnailUrl() == null ? null : new Image(details.thumbnailUrl(), true));
    }

    private static void showOn(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
