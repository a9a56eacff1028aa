package com.intellivision.console.ui.common;

import com.intellivision.console.job.JobStatus;
import javafx.scene.Node;
import javafx.scene.control.TableView;

/** What a person sees in the window, for tests that drive it. */
public final class WindowLooks {

    private WindowLooks() {}

    /** The status of the job selected in the list, or null when none is. */
    public static JobStatus selectedStatus(TableView<JobRow> table) {
        JobRow selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.job().status();
    }

    /** Whether a person could see the node: it and every one of its parents are visible. */
    public static boolean isShown(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
