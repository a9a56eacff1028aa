package com.intellivision.console.ui;

import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The form at the top of the window: what to do with the URL, the URL, that kind's settings (a
 * timestamp, a number of frames or a sample rate), and Submit (also on Enter).
 */
public final class SubmitBarView {

    @FXML private ToggleButton frameKind;
    @FXML private ToggleButton filmstripKind;
    @FXML private ToggleButton countKind;
    @FXML private TextField urlField;
    @FXML private TextField timestampField;
    @FXML private Node filmstripSettings;
    @FXML private Spinner<Integer> filmstripCount;
    @FXML private Node countSettings;
    @FXML private TextField countFps;
    @FXML private Button submitButton;
    @FXML private Label formProblem;

    void bind(SubmitBarViewModel viewModel, Runnable submit) {
        bindKindChoice(viewModel);
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        timestampField.textProperty().bindBidirectional(viewModel.timestampProperty());
        filmstripCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SubmitBarViewModel.MIN_FILMSTRIP, SubmitBarViewModel.MAX_FILMSTRIP, viewModel.filmstripCountProperty().get()));
        filmstripCount.getValueFactory().valueProperty().bindBidirectional(viewModel.filmstripCountProperty());
        countFps.textProperty().bindBidirectional(viewModel.countFpsProperty());

        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        // Submit is the default button, so Enter in any field presses it.
        submitButton.setOnAction(event -> submit.run());

        formProblem.textProperty().bind(viewModel.problemProperty());
        formProblem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        formProblem.managedProperty().bind(formProblem.visibleProperty());

        viewModel.timestampErrorProperty().addListener((property, before, after) ->
                timestampField.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
        viewModel.countFpsErrorProperty().addListener((property, before, after) ->
                countFps.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
        viewModel.submittingProperty().addListener((property, before, submitting) -> {
            if (!submitting) {
                urlField.requestFocus();
            }
        });
    }

    /** Three toggles acting as one choice; only the chosen kind's settings are shown. */
    private void bindKindChoice(SubmitBarViewModel viewModel) {
        Map<JobKind, ToggleButton> buttons = Map.of(JobKind.FRAME, frameKind, JobKind.FILMSTRIP, filmstripKind, JobKind.COUNT, countKind);
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((kind, button) -> {
            button.setUserData(kind);
            button.setToggleGroup(group);
        });
        group.selectToggle(buttons.get(viewModel.kindProperty().get()));
        group.selectedToggleProperty().addListener((property, before, after) -> {
            if (after == null) {
                // One kind is always chosen: clicking the chosen one again keeps it.
                group.selectToggle(before);
            } else {
                viewModel.kindProperty().set((JobKind) after.getUserData());
            }
        });
        viewModel.kindProperty().addListener((property, before, kind) -> group.selectToggle(buttons.get(kind)));

        showOnlyFor(timestampField, viewModel, JobKind.FRAME);
        showOnlyFor(filmstripSettings, viewModel, JobKind.FILMSTRIP);
        showOnlyFor(countSettings, viewModel, JobKind.COUNT);
    }

    private static void showOnlyFor(Node settings, SubmitBarViewModel viewModel, JobKind kind) {
        BooleanBinding chosen = viewModel.kindProperty().isEqualTo(kind);
        settings.visibleProperty().bind(chosen);
        settings.managedProperty().bind(chosen);
    }
}
