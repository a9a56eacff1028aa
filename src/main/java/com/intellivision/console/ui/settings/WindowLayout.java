package com.intellivision.console.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the window was laid out when it closed: where the jobs table and the preview divide, and which
 * tab showed.
 *
 * @param splitPosition the divider between jobs and preview, 0 to 1 of the width; 0 for the window's own
 * @param tab the id of the tab shown, or null for the first
 */
public record WindowLayout(@JsonProperty("split_position") double splitPosition, String tab) {

    public static final WindowLayout DEFAULTS = new WindowLayout(0, null);

    public WindowLayout {
        splitPosition = splitPosition > 0 && splitPosition < 1 ? splitPosition : 0;
    }

    public boolean hasSplitPosition() {
        return splitPosition > 0;
    }
}
