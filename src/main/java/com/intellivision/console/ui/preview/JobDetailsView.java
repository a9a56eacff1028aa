package com.intellivision.console.ui.preview;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** The job's parameters and results as JSON, folded under the attempts, each with a copy button. */
public final class JobDetailsView {

    private static final Duration COPIED_NOTICE = Duration.seconds(1.5);

    @FXML private TitledPane detailsPane;
    @FXML private Label detailsSummary;
    @FXML private TextArea parametersText;
    @FXML private TextArea resultsJson;
    @FXML private Button copyParametersButton;
    @FXML private Button copyResultsButton;

    public void bind(JobDetailsViewModel viewModel) {
        detailsPane.visibleProperty().bind(viewModel.availableProperty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        detailsSummary.textProperty().bind(viewModel.summaryProperty());
        parametersText.textProperty().bind(viewModel.parametersProperty());
        resultsJson.textProperty().bind(viewModel.resultsProperty());
        copyParametersButton.setOnAction(event -> copy(viewModel.parametersProperty(), copyParametersButton));
        copyResultsButton.setOnAction(event -> copy(viewModel.resultsProperty(), copyResultsButton));
    }

    private static void copy(ObservableStringValue text, Button button) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text.get());
        Clipboard.getSystemClipboard().setContent(content);
        String label = button.getText();
        button.setText("Copied");
        PauseTransition restore = new PauseTransition(COPIED_NOTICE);
        restore.setOnFinished(done -> button.setText(label));
        restore.play();
    }
}
