package com.intellivision.console.ui.common;

import java.util.List;
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

    /** Cancels or retries several jobs, once people confirmed. */
    public static void onMany(Node owner, JobActionsViewModel actions, List<JobRow> rows, boolean cancelling) {
        actions.manyConfirmation(rows, cancelling).filter(question -> ConfirmationDialog.confirmed(owner, question)).ifPresent(question -> {
            if (cancelling) {
                actions.cancelAll(rows);
            } else {
                actions.retryAll(rows);
            }
        });
    }

    public static void cancelSelected(Node owner, JobActionsViewModel actions) {
        actions.selected().ifPresent(row -> cancel(owner, actions, row));
    }
}
