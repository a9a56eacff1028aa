package com.intellivision.console.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.intellivision.console.ui.common.TimeDisplay;

/**
 * What the console remembers between runs: its theme, how times show, the window's size, and the
 * deployment shown last.
 *
 * @param lastDeployment the id of the deployment shown when the window closed, or null
 */
public record ConsoleSettings(
        Theme theme,
        @JsonProperty("window_width") double windowWidth,
        @JsonProperty("window_height") double windowHeight,
        boolean maximized,
        @JsonProperty("last_deployment") String lastDeployment,
        @JsonProperty("time_display") TimeDisplay timeDisplay) {

    /** How the window looks. */
    public enum Theme {
        LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A first start: the system's theme, the window's own size. */
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings(Theme.SYSTEM, 0, 0, false, null, TimeDisplay.RELATIVE);

    public ConsoleSettings {
        theme = theme == null ? Theme.SYSTEM : theme;
        timeDisplay = timeDisplay == null ? TimeDisplay.RELATIVE : timeDisplay;
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(newTheme, windowWidth, windowHeight, maximized, lastDeployment, timeDisplay);
    }

    public ConsoleSettings withWindow(double width, double height, boolean isMaximized) {
        return new ConsoleSettings(theme, width, height, isMaximized, lastDeployment, timeDisplay);
    }

    public ConsoleSettings withLastDeployment(String deploymentId) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, deploymentId, timeDisplay);
    }

    public ConsoleSettings withTimeDisplay(TimeDisplay newDisplay) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, lastDeployment, newDisplay);
    }

    /** Whether a window size was saved. */
    public boolean hasWindowSize() {
        return windowWidth > 0 && windowHeight > 0;
    }
}
