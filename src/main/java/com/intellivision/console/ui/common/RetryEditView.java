package com.intellivision.console.ui.common;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.common.RetryEditViewModel.Shape;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The "Retry with changes" form: each field bound to its view model, and its reason shown under it while it is refused. */
public final class RetryEditView {

    @FXML private Label retrySummary;
    @FXML private TextField retryUrlField;
    @FXML private Label retryUrlError;
    @FXML private VBox retryTimeSettings;
    @FXML private TextField retryTimeField;
    @FXML private Label retryTimeError;
    @FXML private VBox retryFilmstripSettings;
    @FXML private TextField retryFramesField;
    @FXML private Label retryFramesError;
    @FXML private VBox retryCountSettings;
    @FXML private TextField retryFpsField;
    @FXML private Label retryFpsError;
    @FXML private TextField retryDetectorField;
    @FXML private Label retryDetectorError;
    @FXML private Label retrySettingsNote;
    @FXML private Label retryProgress;
    @FXML private Label retryFailure;

    public void bind(RetryEditViewModel form) {
        long id = form.job().id();
        retrySummary.setText("Job #" + id + " runs again as a new job, linked to it; job #" + id + " stays as it is.");
        field(retryUrlField, form.urlProperty(), retryUrlError, form.urlErrorProperty());
        field(retryTimeField, form.timeProperty(), retryTimeError, form.timeErrorProperty());
        field(retryFramesField, form.framesProperty(), retryFramesError, form.framesErrorProperty());
        field(retryFpsField, form.fpsProperty(), retryFpsError, form.fpsErrorProperty());
        field(retryDetectorField, form.detectorProperty(), retryDetectorError, form.detectorErrorProperty());
        show(retryTimeSettings, form.settingsEditable() && form.shape() == Shape.FRAME);
        show(retryFilmstripSettings, form.settingsEditable() && form.shape() == Shape.FILMSTRIP);
        show(retryCountSettings, form.settingsEditable() && form.shape() == Shape.COUNT);
        retrySettingsNote.setText(form.settingsNote());
        show(retrySettingsNote, !form.settingsNote().isEmpty());
        retryProgress.visibleProperty().bind(form.workingProperty());
        retryProgress.managedProperty().bind(form.workingProperty());
        retryFailure.textProperty().bind(form.failureProperty());
        showWhen(retryFailure, form.failureProperty().isNotEmpty());
        for (TextField editable : new TextField[] {retryUrlField, retryTimeField, retryFramesField, retryFpsField, retryDetectorField}) {
            editable.disableProperty().bind(form.workingProperty());
        }
        retryUrlField.requestFocus();
    }

    /** A field and the reason it is refused, shown under it, with the field marked while there is one. */
    private static void field(TextField input, StringProperty value, Label error, ObservableStringValue problem) {
        input.textProperty().bindBidirectional(value);
        error.textProperty().bind(problem);
        showWhen(error, Bindings.isNotEmpty(problem));
        input.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.get().isEmpty());
        problem.addListener((property, before, after) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
