package com.intellivision.console.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** Shows a job's status as a coloured pill; the colours live in the stylesheet, per status class. */
public final class StatusBadgeCell extends TableCell<JobRow, StatusBadge> {

    private static final String BADGE = "status-badge";

    private final Label badge = new Label();

    public StatusBadgeCell() {
        badge.getStyleClass().add(BADGE);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(StatusBadge status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            setGraphic(null);
            return;
        }
        badge.setText(status.text());
        StyleClasses.set(badge, "label", BADGE, status.styleClass());
        setGraphic(badge);
    }
}
