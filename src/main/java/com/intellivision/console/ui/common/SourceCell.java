package com.intellivision.console.ui.common;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A job's source URL or path. Shortened in the middle when space is short, because both ends carry
 * meaning (the host, the video id or file name); the full text is in a tooltip.
 */
public final class SourceCell extends TableCell<JobRow, String> {

    private final Tooltip fullText = new Tooltip();

    public SourceCell() {
        setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
    }

    @Override
    protected void updateItem(String source, boolean empty) {
        super.updateItem(source, empty);
        boolean blank = empty || source == null;
        setText(blank ? null : source);
        fullText.setText(blank ? "" : source);
        setTooltip(blank ? null : fullText);
    }
}
