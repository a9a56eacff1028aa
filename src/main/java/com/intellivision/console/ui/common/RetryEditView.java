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

    @FXML private Label summary;
    @FXML private TextField urlField;
    @FXML private Label urlError;
    @FXML private VBox timeSettings;
    @FXML private TextField timeField;
    @FXML private Label timeError;
    @FXML private VBox filmstripSettings;
    @FXML private TextField framesField;
    @FXML private Label framesError;
    @FXML private VBox countSettings;
    @FXML private TextField fpsField;
    @FXML private Label fpsError;
    @FXML private TextField detectorField;
    @FXML private Label detectorError;
    @FXML private Label settingsNote;
    @FXML private Label progress;
    @FXML private Label failure;

    public void bind(RetryEditViewModel form) {
        long id = form.job().id();
        summary.setText("Job #" + id + " runs again as a new job, linked to it; job #" + id + " stays as it is.");
        field(urlField, form.urlProperty(), urlError, form.urlErrorProperty());
        field(timeField, form.timeProperty(), timeError, form.timeErrorProperty());
        field(framesField, form.framesProperty(), framesError, form.framesErrorProperty());
        field(fpsField, form.fpsProperty(), fpsError, form.fpsErrorProperty());
        field(detectorField, form.detectorProperty(), detectorError, form.detectorErrorProperty());
        show(timeSettings, form.settingsEditable() && form.shape() == Shape.FRAME);
        show(filmstripSettings, form.settingsEditable() && form.shape() == Shape.FILMSTRIP);
        show(countSettings, form.settingsEditable() && form.shape() == Shape.COUNT);
        settingsNote.setText(form.settingsNote());
        show(settingsNote, !form.settingsNote().isEmpty());
        progress.visibleProperty().bind(form.workingProperty());
        progress.managedProperty().bind(form.workingProperty());
        failure.textProperty().bind(form.failureProperty());
        showWhen(failure, form.failureProperty().isNotEmpty());
        for (TextField editable : new TextField[] {urlField, timeField, framesField, fpsField, detectorField}) {
            editable.disableProperty().bind(form.workingProperty());
        }
        urlField.requestFocus();
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
