package com.intellivision.console.ui.settings;

import com.intellivision.console.ui.common.FxmlViews;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The local pool's settings in a dialog over the window; its answer is the settings people kept. */
public final class LocalPoolView {

    static final String FXML = "/fxml/settings/LocalPool.fxml";

    @FXML private TextField workersField;
    @FXML private Label workersUnit;
    @FXML private TextField softLimitField;
    @FXML private TextField hardLimitField;
    @FXML private Label localPoolProblem;

    private void bind(LocalPoolForm form) {
        workersField.textProperty().bindBidirectional(form.workersProperty());
        workersField.setPromptText(Integer.toString(form.cores()));
        workersUnit.setText("processes; empty for one per core (" + form.cores() + ")");
        softLimitField.textProperty().bindBidirectional(form.softLimitProperty());
        hardLimitField.textProperty().bindBidirectional(form.hardLimitProperty());
        localPoolProblem.textProperty().bind(form.problemProperty());
        localPoolProblem.visibleProperty().bind(form.validProperty().not());
        localPoolProblem.managedProperty().bind(localPoolProblem.visibleProperty());
    }

    /** Shows the form over {@code owner}'s window and waits; the settings if people saved valid ones. */
    static Optional<LocalPoolSettings> open(Node owner, LocalPoolForm form) {
        FxmlViews.Loaded<LocalPoolView> view = FxmlViews.load(FXML);
        view.controller().bind(form);
        FxmlViews.ActionDialog shown = FxmlViews.over(owner, "Local pool", view.root(), "Save", "local-pool-dialog");
        shown.actionButton().setId("saveLocalPoolButton");
        shown.actionButton().disableProperty().bind(form.validProperty().not());
        return shown.dialog().showAndWait().filter(shown.action()::equals).flatMap(saved -> form.settings());
    }
}
