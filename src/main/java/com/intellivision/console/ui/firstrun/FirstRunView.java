package com.intellivision.console.ui.firstrun;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.javafx.FontIcon;

/** The first-run guide: binds its steps, the sample video's button and the yt-dlp note to the view model. */
public final class FirstRunView {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    @FXML private Node guide;
    @FXML private Button sampleButton;
    @FXML private ProgressIndicator sampleSpinner;
    @FXML private Label sampleNote;
    @FXML private Label ytDlpNote;
    @FXML private FontIcon ytDlpIcon;

    public void bind(FirstRunViewModel viewModel) {
        guide.visibleProperty().bind(viewModel.shownProperty());
        guide.managedProperty().bind(guide.visibleProperty());
        sampleButton.disableProperty().bind(viewModel.makingSampleProperty());
        sampleButton.setOnAction(event -> viewModel.makeSampleVideo());
        sampleSpinner.visibleProperty().bind(viewModel.makingSampleProperty());
        sampleNote.textProperty().bind(viewModel.sampleNoteProperty());
        sampleNote.visibleProperty().bind(viewModel.sampleNoteProperty().isNotEmpty());
        sampleNote.managedProperty().bind(sampleNote.visibleProperty());
        viewModel.sampleFailedProperty().addListener((property, before, failed) -> sampleNote.pseudoClassStateChanged(PROBLEM, failed));
        ytDlpNote.textProperty().bind(viewModel.ytDlpNoteProperty());
        ytDlpNote.visibleProperty().bind(viewModel.ytDlpNoteProperty().isNotEmpty());
        viewModel.ytDlpMissingProperty().addListener((property, before, missing) -> {
            ytDlpNote.pseudoClassStateChanged(PROBLEM, missing);
            ytDlpIcon.setIconLiteral(missing ? "fth-alert-triangle" : "fth-youtube");
        });
    }
}
