package com.intellivision.console.ui;

import com.intellivision.console.ui.FramePreviewViewModel.Mode;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The right-hand pane: the selected job's frame, its progress, its error, or a hint when there is no
 * job. One face per {@link Mode}; the view model decides which.
 */
public final class FramePreviewView {

    private static final Duration COPIED_NOTICE = Duration.seconds(1.5);
    private static final int MIN_ERROR_ROWS = 3;
    private static final int MAX_ERROR_ROWS = 16;
    /** The text area's own padding, border and scroll bar, which the text cannot use. */
    private static final double ERROR_HORIZONTAL_PADDING = 40;

    @FXML private Label heading;
    @FXML private Label deadLetterBadge;
    @FXML private Button cancelButton;
    @FXML private Button retryButton;
    @FXML private AttemptsView attemptsController;
    @FXML private Node messageFace;
    @FXML private Label message;
    @FXML private Node workingFace;
    @FXML private ProgressIndicator spinner;
    @FXML private ProgressBar progressBar;
    @FXML private Label stage;
    @FXML private Node frameFace;
    @FXML private Region imageHolder;
    @FXML private ImageView framePreview;
    @FXML private ProgressIndicator imageLoading;
    @FXML private Label imageProblem;
    @FXML private Label frameTitle;
    @FXML private Label frameDetails;
    @FXML private Node failureFace;
    @FXML private TextArea jobError;
    @FXML private Button copyErrorButton;

    void bind(FramePreviewViewModel viewModel, JobActionsViewModel actions, AttemptsViewModel attempts) {
        heading.textProperty().bind(viewModel.headingProperty());
        showWhen(deadLetterBadge, viewModel.deadLetterProperty());
        bindActions(viewModel, actions);
        attemptsController.bind(attempts);

        showOnlyIn(messageFace, viewModel, Mode.MESSAGE);
        message.textProperty().bind(viewModel.messageProperty());

        showOnlyIn(workingFace, viewModel, Mode.WORKING);
        BooleanBinding progressKnown = viewModel.progressProperty().greaterThanOrEqualTo(0);
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(progressKnown);
        progressBar.managedProperty().bind(progressKnown);
        spinner.visibleProperty().bind(progressKnown.not());
        spinner.managedProperty().bind(progressKnown.not());
        stage.textProperty().bind(viewModel.stageProperty());

        showOnlyIn(frameFace, viewModel, Mode.FRAME);
        frameTitle.textProperty().bind(viewModel.frameTitleProperty());
        frameDetails.textProperty().bind(viewModel.frameDetailsProperty());
        framePreview.fitWidthProperty().bind(imageHolder.widthProperty());
        framePreview.fitHeightProperty().bind(imageHolder.heightProperty());
        viewModel.frameUrlProperty().addListener((property, before, url) -> load(url));
        load(viewModel.frameUrlProperty().get());

        showOnlyIn(failureFace, viewModel, Mode.FAILED);
        jobError.textProperty().bind(viewModel.errorProperty());
        jobError.textProperty().addListener(observable -> fitErrorToText());
        jobError.widthProperty().addListener(observable -> fitErrorToText());
        copyErrorButton.setOnAction(event -> copyError());
    }

    private void bindActions(FramePreviewViewModel viewModel, JobActionsViewModel actions) {
        showWhen(cancelButton, viewModel.jobShownProperty());
        showWhen(retryButton, viewModel.jobShownProperty());
        cancelButton.disableProperty().bind(actions.canCancelSelectedProperty().not());
        retryButton.disableProperty().bind(actions.canRetrySelectedProperty().not());
        cancelButton.setOnAction(event -> actions.cancelSelected());
        retryButton.setOnAction(event -> actions.retrySelected());
    }

    /** A node that takes room only while it is shown. */
    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /**
     * Makes the error box as tall as its text, within bounds: a one-line error should not sit in a
     * page-high box, and a long one should still scroll rather than push the pane.
     */
    private void fitErrorToText() {
        double textWidth = jobError.getWidth() - ERROR_HORIZONTAL_PADDING;
        if (textWidth <= 0) {
            return;
        }
        int lines = (int) Math.ceil(heightOf(jobError.getText(), textWidth) / heightOf("X", 0));
        jobError.setPrefRowCount(Math.max(MIN_ERROR_ROWS, Math.min(MAX_ERROR_ROWS, lines + 1)));
    }

    /** Binds a face's visibility to one mode; a hidden face takes no room. */
    private static void showOnlyIn(Node face, FramePreviewViewModel viewModel, Mode mode) {
        face.visibleProperty().bind(viewModel.modeProperty().isEqualTo(mode));
        face.managedProperty().bind(face.visibleProperty());
    }

    /** Loads the frame in the background (the image decodes off the FX thread) unless it is already shown. */
    private void load(String url) {
        Image current = framePreview.getImage();
        if (url == null) {
            framePreview.setImage(null);
            return;
        }
        if (current != null && url.equals(current.getUrl())) {
            return;
        }
        Image image = new Image(url, true);
        framePreview.setImage(image);
        imageLoading.visibleProperty().bind(image.progressProperty().lessThan(1).and(image.errorProperty().not()));
        imageProblem.visibleProperty().bind(image.errorProperty());
        imageProblem.textProperty().bind(Bindings.createStringBinding(() -> image.isError()
                ? "The frame could not be loaded from " + url + reasonOf(image)
                : "", image.errorProperty()));
    }

    private double heightOf(String text, double wrappingWidth) {
        Text probe = new Text(text);
        probe.setFont(jobError.getFont());
        probe.setWrappingWidth(wrappingWidth);
        return probe.getLayoutBounds().getHeight();
    }

    private static String reasonOf(Image image) {
        Exception exception = image.getException();
        return exception == null || exception.getMessage() == null ? "" : ": " + exception.getMessage();
    }

    private void copyError() {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, jobError.getText()));
        copyErrorButton.setText("Copied");
        PauseTransition restore = new PauseTransition(COPIED_NOTICE);
        restore.setOnFinished(event -> copyErrorButton.setText("Copy"));
        restore.playFromStart();
    }
}
