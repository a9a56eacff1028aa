package com.intellivision.console.ui.preview;

import com.intellivision.console.ui.common.ImageSlot;
import com.intellivision.console.ui.common.JobActionPrompts;
import com.intellivision.console.ui.common.JobActionsViewModel;
import com.intellivision.console.ui.common.Links;
import com.intellivision.console.ui.common.RegionClips;
import com.intellivision.console.ui.common.RetryEditDialog;
import com.intellivision.console.ui.common.Shortcuts;
import com.intellivision.console.ui.preview.FramePreviewViewModel.Mode;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
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
    @FXML private Button previewRetryWithChangesButton;
    @FXML private Tooltip retryWithChangesTooltip;
    @FXML private Tooltip cancelTooltip;
    @FXML private Tooltip retryTooltip;
    @FXML private AttemptsView attemptsController;
    @FXML private JobDetailsView detailsController;
    @FXML private StackPane previewFaces;
    @FXML private Button copyFrameButton;
    @FXML private Button saveFrameButton;
    @FXML private Node messageFace;
    @FXML private Label message;
    @FXML private Node workingFace;
    @FXML private ProgressIndicator spinner;
    @FXML private ProgressBar progressBar;
    @FXML private Label stage;
    @FXML private Label progressFigures;
    @FXML private Label progressNote;
    @FXML private Node thumbnailBox;
    @FXML private ImageView workingThumbnail;
    @FXML private Label thumbnailCaption;
    @FXML private Node frameFace;
    @FXML private Region imageHolder;
    @FXML private ImageView framePreview;
    @FXML private ProgressIndicator imageLoading;
    @FXML private Label imageProblem;
    @FXML private Label frameTitle;
    @FXML private Label frameDetails;
    @FXML private Label frameWarnings;
    @FXML private Label frameNote;
    @FXML private Node scrubTile;
    @FXML private ImageView scrubTileImage;
    @FXML private Label scrubTileTime;
    @FXML private ZoomableImageView frameZoomController;
    @FXML private ScrubBarView scrubBarController;
    @FXML private FilmstripView filmstripController;
    @FXML private PeopleCountView peopleCountController;
    @FXML private Node failureFace;
    @FXML private TextArea jobError;
    @FXML private Button copyErrorButton;
    @FXML private TitledPane tracebackPane;
    @FXML private TextArea jobTraceback;
    @FXML private Node resultsFace;
    @FXML private Region resultsImageHolder;
    @FXML private ImageView resultsImage;
    @FXML private ProgressIndicator resultsImageLoading;
    @FXML private Label resultsImageProblem;
    @FXML private Hyperlink outputVideo;
    @FXML private TextArea resultsText;

    public void bind(FramePreviewViewModel viewModel, JobActionsViewModel actions, AttemptsViewModel attempts, ScrubBarViewModel scrubBar,
            JobDetailsViewModel details, FrameFile frameFile, Links links) {
        detailsController.bind(details);
        // With the details open the faces get less room: what does not fit is cut at their edge, never drawn over the rest.
        RegionClips.clipToEdges(previewFaces);
        bindFrameActions(frameFile);
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
        bindProgressPreview(viewModel.progressPreview());

        showOnlyIn(frameFace, viewModel, Mode.FRAME);
        frameTitle.textProperty().bind(viewModel.frameTitleProperty());
        frameDetails.textProperty().bind(viewModel.frameDetailsProperty());
        frameWarnings.textProperty().bind(viewModel.warningsProperty());
        showWhen(frameWarnings, viewModel.warningsProperty().isNotEmpty());
        frameNote.textProperty().bind(viewModel.frameNoteProperty());
        showWhen(frameNote, viewModel.frameNoteProperty().isNotEmpty());
        ImageSlot frame = new ImageSlot(framePreview, imageLoading, imageProblem, "frame");
        frameZoomController.bind(viewModel.frameZoom(), imageHolder, framePreview);
        viewModel.frameUrlProperty().addListener((property, before, url) -> frame.show(url));
        frame.show(viewModel.frameUrlProperty().get());
        filmstripController.bind(viewModel.filmstrip());
        scrubBarController.bind(scrubBar, scrubTile, scrubTileImage, scrubTileTime);

        showOnlyIn(peopleCountController.face(), viewModel, Mode.COUNT);
        peopleCountController.bind(viewModel.peopleCount());

        showOnlyIn(resultsFace, viewModel, Mode.RESULTS);
        ImageSlot analysisImage = new ImageSlot(resultsImageHolder, resultsImage, resultsImageLoading, resultsImageProblem, "image");
        viewModel.resultsImageUrlProperty().addListener((property, before, url) -> analysisImage.show(url));
        showWhen(resultsImageHolder, viewModel.resultsImageUrlProperty().isNotNull());
        resultsText.textProperty().bind(viewModel.resultsTextProperty());
        Tooltip videoAddress = new Tooltip();
        videoAddress.textProperty().bind(viewModel.outputVideoProperty());
        outputVideo.setTooltip(videoAddress);
        outputVideo.setOnAction(event -> links.open(viewModel.outputVideoProperty().get()));
        showWhen(outputVideo, viewModel.outputVideoProperty().isNotEmpty());

        showOnlyIn(failureFace, viewModel, Mode.FAILED);
        jobTraceback.textProperty().bind(viewModel.tracebackProperty());
        showWhen(tracebackPane, viewModel.tracebackProperty().isNotEmpty());
        jobError.textProperty().bind(viewModel.errorProperty());
        jobError.textProperty().addListener(observable -> fitErrorToText());
        jobError.widthProperty().addListener(observable -> fitErrorToText());
        copyErrorButton.setOnAction(event -> copyError());
    }

    /** A count's figures, and the video's thumbnail as soon as the worker has found one. */
    private void bindProgressPreview(ProgressPreviewViewModel preview) {
        showWhen(progressFigures, preview.figuresProperty().isNotEmpty());
        progressFigures.textProperty().bind(preview.figuresProperty());
        progressNote.textProperty().bind(preview.noteProperty());
        showWhen(progressNote, preview.noteProperty().isNotEmpty());
        showWhen(thumbnailBox, preview.thumbnailUrlProperty().isNotNull());
        thumbnailCaption.textProperty().bind(preview.thumbnailCaptionProperty());
        preview.thumbnailUrlProperty().addListener((property, before, url) ->
                workingThumbnail.setImage(url == null ? null : new Image(url, true)));
    }

    /** Cancel and Retry where the job's deployment offers them, saying what each does there. */
    private void bindActions(FramePreviewViewModel viewModel, JobActionsViewModel actions) {
        showWhen(cancelButton, viewModel.jobShownProperty().and(actions.cancelOfferedProperty()));
        showWhen(retryButton, viewModel.jobShownProperty().and(actions.retryOfferedProperty()));
        cancelButton.disableProperty().bind(actions.canCancelSelectedProperty().not());
        retryButton.disableProperty().bind(actions.canRetrySelectedProperty().not());
        cancelTooltip.textProperty().bind(actions.cancelHintProperty());
        retryTooltip.textProperty().bind(actions.retryHintProperty());
        cancelButton.setOnAction(event -> JobActionPrompts.cancelSelected(cancelButton, actions));
        retryButton.setOnAction(event -> actions.retrySelected());
        showWhen(previewRetryWithChangesButton, viewModel.jobShownProperty().and(actions.retryOfferedProperty()));
        previewRetryWithChangesButton.disableProperty().bind(actions.canRetrySelectedWithChangesProperty().not());
        retryWithChangesTooltip.setText(Shortcuts.withKeys("Retry with changes: run the job again as a new job, with another link or settings",
                Shortcuts.RETRY_WITH_CHANGES));
        previewRetryWithChangesButton.setOnAction(event -> RetryEditDialog.openSelected(previewRetryWithChangesButton, actions));
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

    private double heightOf(String text, double wrappingWidth) {
        Text probe = new Text(text);
        probe.setFont(jobError.getFont());
        probe.setWrappingWidth(wrappingWidth);
        return probe.getLayoutBounds().getHeight();
    }

    /** Copy puts the full-size image on the clipboard; Save as copies the frame's file where people choose. */
    private void bindFrameActions(FrameFile frameFile) {
        copyFrameButton.disableProperty().bind(framePreview.imageProperty().isNull());
        copyFrameButton.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(framePreview.getImage());
            Clipboard.getSystemClipboard().setContent(content);
        });
        saveFrameButton.disableProperty().bind(framePreview.imageProperty().isNull());
        saveFrameButton.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the frame");
            chooser.setInitialFileName(frameFile.suggestedName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(frameFile.extension().toUpperCase(java.util.Locale.ROOT) + " images",
                    "*." + frameFile.extension()));
            java.io.File target = chooser.showSaveDialog(saveFrameButton.getScene().getWindow());
            if (target != null) {
                frameFile.saveTo(target.toPath());
            }
        });
    }

    private void copyError() {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, jobError.getText()));
        copyErrorButton.setText("Copied");
        PauseTransition restore = new PauseTransition(COPIED_NOTICE);
        restore.setOnFinished(event -> copyErrorButton.setText("Copy"));
        restore.playFromStart();
    }
}
