package com.intellivision.console.ui.submit;

import com.intellivision.console.job.LinkDetails;
import com.intellivision.console.job.Storyboard;
import com.intellivision.console.ui.submit.LinkCardViewModel.Face;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The card under the URL field. A pasted link is looked up at once, a typed one once the typing has
 * paused for {@value #PAUSE_MILLIS} ms; each change hides the card until then. Where the
 * site publishes a storyboard, a scrub bar on the card picks the frame's moment, its tile in place of
 * the thumbnail.
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
    @FXML private Slider linkScrub;

    /** Each storyboard sheet is loaded once however long the scrubbing. */
    private final Map<String, Image> sheets = new HashMap<>();
    private Image thumbnail;
    /** Set while the card itself moves the scrub bar, which is no pick. */
    private boolean resetting;

    private final PauseTransition pause = new PauseTransition(PAUSE);

    /** @param link the field's text, looked up once it pauses */
    public void bind(LinkCardViewModel viewModel, StringProperty link) {
        pause.setOnFinished(done -> viewModel.lookUp(link.get()));
        link.addListener((property, before, after) -> {
            pause.stop();
            if (!viewModel.worthLookingUp(after)) {
                return;
            }
            if (pastedOrDropped(before, after)) {
                viewModel.lookUp(after);
            } else {
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

        linkScrub.maxProperty().bind(viewModel.scrubLengthProperty());
        showOn(linkScrub, viewModel.scrubLengthProperty().greaterThan(0));
        linkScrub.valueProperty().addListener((property, before, seconds) -> {
            if (!resetting) {
                viewModel.choose(seconds.doubleValue());
            }
        });
        viewModel.tileProperty().addListener((property, before, tile) -> showTile(tile));
    }

    /** The storyboard's picture of the moment picked, in place of the thumbnail; none shows the thumbnail again. */
    private void showTile(Storyboard.Tile tile) {
        if (tile == null) {
            linkThumbnail.setViewport(null);
            linkThumbnail.setImage(thumbnail);
            return;
        }
        linkThumbnail.setImage(sheets.computeIfAbsent(tile.sheetUrl(), url -> new Image(url, true)));
        linkThumbnail.setViewport(new Rectangle2D(tile.x(), tile.y(), tile.width(), tile.height()));
    }

    /** A paste, a drop or a choice sets the text in one change of more than a character; typing does not. */
    private static boolean pastedOrDropped(String before, String after) {
        return Math.abs(after.length() - (before == null ? 0 : before.length())) > 1;
    }

    void close() {
        pause.stop();
        pause.setOnFinished(null);
    }

    private void show(LinkDetails details) {
        if (details == null) {
            thumbnail = null;
            showTile(null);
            return;
        }
        linkTitle.setText(details.title());
        linkTitle.setTooltip(new Tooltip(details.title() + "\n" + details.link()));
        linkStream.setText("Reads " + details.stream());
        resetting = true;
        linkScrub.setValue(0);
        resetting = false;
        sheets.clear();
        // Loaded in the background; a thumbnail that cannot be loaded leaves the film icon beneath it.
        thumbnail = null;
        if (details.thumbnailUrl() != null) {
            try {
                thumbnail = new Image(details.thumbnailUrl(), true);
            } catch (IllegalArgumentException notAnImageUrl) {
                // The icon stays.
            }
        }
        showTile(null);
    }

    private static void showOn(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
