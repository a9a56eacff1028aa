package com.intellivision.console.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.intellivision.console.ui.common.TimeDisplay;

/**
 * What the console remembers between runs: its theme, how times show, the window's size, the
 * deployment shown last, its layout, and how the local pool starts.
 *
 * @param lastDeployment the id of the deployment shown when the window closed, or null
 */
public record ConsoleSettings(
        Theme theme,
        @JsonProperty("window_width") double windowWidth,
        @JsonProperty("window_height") double windowHeight,
        boolean maximized,
        @JsonProperty("last_deployment") String lastDeployment,
        @JsonProperty("time_display") TimeDisplay timeDisplay,
        @JsonProperty("local_pool") LocalPoolSettings localPool,
        WindowLayout layout) {

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
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings(Theme.SYSTEM, 0, 0, false, null, TimeDisplay.RELATIVE,
            LocalPoolSettings.DEFAULTS, WindowLayout.DEFAULTS);

    public ConsoleSettings {
        theme = theme == null ? Theme.SYSTEM : theme;
        timeDisplay = timeDisplay == null ? TimeDisplay.RELATIVE : timeDisplay;
        localPool = localPool == null ? LocalPoolSettings.DEFAULTS : localPool;
        layout = layout == null ? WindowLayout.DEFAULTS : layout;
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(newTheme, windowWidth, windowHeight, maximized, lastDeployment, timeDisplay, localPool, layout);
    }

    public ConsoleSettings withWindow(double width, double height, boolean isMaximized) {
        return new ConsoleSettings(theme, width, height, isMaximized, lastDeployment, timeDisplay, localPool, layout);
    }

    public ConsoleSettings withLastDeployment(String deploymentId) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, deploymentId, timeDisplay, localPool, layout);
    }

    public ConsoleSettings withTimeDisplay(TimeDisplay newDisplay) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, lastDeployment, newDisplay, localPool, layout);
    }

    public ConsoleSettings withLocalPool(LocalPoolSettings newPool) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, lastDeployment, timeDisplay, newPool, layout);
    }

    public ConsoleSettings withLayout(WindowLayout newLayout) {
        return new ConsoleSettings(theme, windowWidth, windowHeight, maximized, lastDeployment, timeDisplay, localPool, newLayout);
    }

    /** Whether a window size was saved. */
    public boolean hasWindowSize() {
        return windowWidth > 0 && windowHeight > 0;
    }
}
