package com.intellivision.console.ui;

import atlantafx.base.theme.Styles;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The form at the top of the window: a URL, an optional timestamp, and Submit (also on Enter). */
public final class SubmitBarView {

    @FXML private TextField urlField;
    @FXML private TextField timestampField;
    @FXML private Button submitButton;
    @FXML private Label formProblem;

    void bind(SubmitBarViewModel viewModel, Runnable submit) {
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        timestampField.textProperty().bindBidirectional(viewModel.timestampProperty());

        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        // Submit is the default button, so Enter in either field presses it.
        submitButton.setOnAction(event -> submit.run());

        formProblem.textProperty().bind(viewModel.problemProperty());
        formProblem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        formProblem.managedProperty().bind(formProblem.visibleProperty());

        viewModel.timestampErrorProperty().addListener((property, before, after) ->
                timestampField.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
        viewModel.submittingProperty().addListener((property, before, submitting) -> {
            if (!submitting) {
                urlField.requestFocus();
            }
        });
    }
}
