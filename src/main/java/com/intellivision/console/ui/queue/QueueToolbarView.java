package com.intellivision.console.ui.queue;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.common.ConfirmationDialog;
import com.intellivision.console.ui.common.Shortcuts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** The queue's bulk actions and the pool's controls, on the right of the tab row. */
public final class QueueToolbarView {

    @FXML private Label bulkNote;
    @FXML private Label poolNote;
    @FXML private Button retryAllButton;
    @FXML private Button cancelAllButton;
    @FXML private Node poolControls;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private Tooltip pauseTooltip;
    @FXML private Spinner<Integer> workersSpinner;

    public void bind(BulkActionsViewModel bulk, PoolControlViewModel pool) {
        showWhen(retryAllButton, bulk.availableProperty());
        showWhen(cancelAllButton, bulk.availableProperty());
        showNote(bulkNote, "No bulk actions", bulk.availableProperty(), bulk.unavailableReasonProperty());
        showNote(poolNote, "Pool run by the server", pool.availableProperty(), pool.unavailableReasonProperty());
        retryAllButton.disableProperty().bind(bulk.workingProperty());
        retryAllButton.setOnAction(event -> bulk.retryAllFailed());
        cancelAllButton.disableProperty().bind(bulk.canCancelAllPendingProperty().not());
        cancelAllButton.setOnAction(event -> bulk.cancelAllPendingConfirmation().ifPresent(question -> {
            if (ConfirmationDialog.confirmed(cancelAllButton, question)) {
                bulk.cancelAllPending();
            }
        }));

        poolControls.visibleProperty().bind(pool.availableProperty());
        poolControls.managedProperty().bind(poolControls.visibleProperty());
        pauseButton.textProperty().bind(Bindings.when(pool.pausedProperty()).then("Resume").otherwise("Pause"));
        pauseTooltip.textProperty().bind(Bindings.when(pool.pausedProperty())
                .then("Hand out waiting jobs to workers again")
                .otherwise("Stop handing out jobs; running jobs finish"));
        pool.pausedProperty().addListener((property, before, paused) -> showPaused(paused));
        showPaused(pool.pausedProperty().get());
        pauseButton.disableProperty().bind(pool.switchingProperty());
        pauseButton.setOnAction(event -> pool.togglePause());
        Shortcuts.press(retryAllButton, Shortcuts.RETRY_ALL);
        Shortcuts.press(cancelAllButton, Shortcuts.CANCEL_ALL);
        Shortcuts.press(pauseButton, Shortcuts.PAUSE);
        workersSpinner.getValueFactory().valueProperty().bindBidirectional(pool.sizeProperty());
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** Where the deployment shown lacks a control, a short note stands in its place, and its tooltip says why. */
    private static void showNote(Label note, String text, ObservableBooleanValue available, ObservableStringValue reason) {
        note.setText(text);
        note.setTooltip(new Tooltip());
        note.getTooltip().textProperty().bind(reason);
        showWhen(note, Bindings.createBooleanBinding(() -> !available.get() && !reason.get().isEmpty(), available, reason));
    }

    private void showPaused(boolean paused) {
        pauseIcon.setIconLiteral(paused ? "fth-play" : "fth-pause");
        pauseButton.pseudoClassStateChanged(Styles.STATE_WARNING, paused);
    }
}
