package com.intellivision.console.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;

/**
 * "Retry with changes" in a dialog over the window. The retry runs in the background; the dialog
 * closes once the new job exists, which is then selected, and stays open with the reason if not.
 */
public final class RetryEditDialog {

    static final String FXML = "/fxml/common/RetryEdit.fxml";

    private RetryEditDialog() {}

    /** Opens the form for {@code row}'s job, where it can be retried with changes. */
    public static void open(Node owner, JobActionsViewModel actions, JobRow row) {
        if (row != null) {
            actions.retryForm(row).ifPresent(form -> show(owner, actions, row, form));
        }
    }

    public static void openSelected(Node owner, JobActionsViewModel actions) {
        actions.selected().ifPresent(row -> open(owner, actions, row));
    }

    private static void show(Node owner, JobActionsViewModel actions, JobRow row, RetryEditViewModel form) {
        FxmlViews.Loaded<RetryEditView> view = FxmlViews.load(FXML);
        view.controller().bind(form);
        FxmlViews.ActionDialog shown = FxmlViews.over(owner, "Retry job #" + row.id() + " with changes", view.root(), "Retry", "retry-dialog");
        Button retryButton = shown.actionButton();
        retryButton.setId("retryEditOkButton");
        retryButton.disableProperty().bind(form.validBinding().not().or(form.workingProperty()));
        retryButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.retry(retry -> {
                actions.retriedWithChanges(row, retry);
                shown.dialog().setResult(shown.action());
                shown.dialog().close();
            });
        });
        shown.dialog().show();
    }
}
