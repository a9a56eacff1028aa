package com.intellivision.console.ui;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.BulkActionsViewModel.Confirmation;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** The queue's bulk actions and the pool's controls, on the right of the tab row. */
public final class QueueToolbarView {

    @FXML private Button retryAllButton;
    @FXML private Button cancelAllButton;
    @FXML private Node poolControls;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private Tooltip pauseTooltip;
    @FXML private Spinner<Integer> workersSpinner;

    void bind(BulkActionsViewModel bulk, PoolControlViewModel pool) {
        retryAllButton.disableProperty().bind(bulk.workingProperty());
        retryAllButton.setOnAction(event -> bulk.retryAllFailed());
        cancelAllButton.disableProperty().bind(bulk.canCancelAllPendingProperty().not());
        cancelAllButton.setOnAction(event -> bulk.cancelAllPendingConfirmation().ifPresent(question -> {
            if (confirmed(question)) {
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
        workersSpinner.getValueFactory().valueProperty().bindBidirectional(pool.sizeProperty());
    }

    private void showPaused(boolean paused) {
        pauseIcon.setIconLiteral(paused ? "fth-play" : "fth-pause");
        pauseButton.pseudoClassStateChanged(Styles.STATE_WARNING, paused);
    }

    /** Asks; only an explicit click on the confirming button says yes, so Enter or Escape keep the jobs. */
    private boolean confirmed(Confirmation question) {
        ButtonType confirm = new ButtonType(question.confirmLabel(), ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(question.keepLabel(), ButtonData.CANCEL_CLOSE);
        Alert dialog = new Alert(AlertType.CONFIRMATION, question.detail(), keep, confirm);
        dialog.initOwner(cancelAllButton.getScene().getWindow());
        dialog.setTitle(question.title());
        dialog.setHeaderText(question.question());
        FontIcon warning = new FontIcon("fth-alert-triangle");
        warning.getStyleClass().add("confirm-icon");
        dialog.setGraphic(warning);
        dialog.getDialogPane().getStylesheets().setAll(cancelAllButton.getScene().getStylesheets());
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add(Styles.DANGER);
        ((Button) dialog.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
