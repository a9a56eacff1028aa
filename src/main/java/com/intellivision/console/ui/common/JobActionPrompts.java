package com.intellivision.console.ui.common;

import javafx.scene.Node;

/** Cancelling from the window: asked about first where cancelling deletes the job on its server. */
public final class JobActionPrompts {

    private JobActionPrompts() {}

    public static void cancel(Node owner, JobActionsViewModel actions, JobRow row) {
        if (row == null || !actions.canCancel(row)) {
            return;
        }
        boolean go = actions.cancelConfirmation(row).map(question -> ConfirmationDialog.confirmed(owner, question)).orElse(true);
        if (go) {
            actions.cancel(row);
        }
    }

    public static void cancelSelected(Node owner, JobActionsViewModel actions) {
        actions.selected().ifPresent(row -> cancel(owner, actions, row));
    }
}
