package com.intellivision.console.ui.settings;

import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.common.TimeDisplay;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The settings people change in the window, kept in the {@link SettingsFile} as they change (in the
 * background, the latest winning), and what the window remembers by itself: its size and the
 * deployment shown last.
 */
public final class SettingsViewModel {

    private final SettingsFile file;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Map<String, String> environment;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<TimeDisplay> timeDisplay;
    private ConsoleSettings settings;

    /**
     * @param file where the settings are kept; null keeps them for this run only
     * @param environment where the desktop's preference for dark windows is read, see {@link SystemTheme} */
    public SettingsViewModel(SettingsFile file, ConsoleSettings loaded, TaskRunner tasks, Notices notices, Map<String, String> environment) {
        this.file = file;
        this.tasks = tasks;
        this.notices = notices;
        this.environment = environment;
        this.settings = loaded;
        this.theme = new SimpleObjectProperty<>(loaded.theme());
        this.timeDisplay = new SimpleObjectProperty<>(loaded.timeDisplay());
        timeDisplay.addListener((property, before, after) -> {
            if (after == null) {
                timeDisplay.set(before);
                return;
            }
            keep(settings.withTimeDisplay(after));
        });
        dark.set(isDark(loaded.theme()));
        theme.addListener((property, before, after) -> {
            if (after == null) {
                theme.set(before);
                return;
            }
            dark.set(isDark(after));
            keep(settings.withTheme(after));
        });
    }

    private boolean isDark(Theme chosen) {
        return chosen == Theme.DARK || chosen == Theme.SYSTEM && SystemTheme.prefersDark(environment);
    }

    /** The window's size and layout as it closes, and the deployment it showed. */
    public void windowClosing(double width, double height, boolean maximized, String shownDeployment, WindowLayout layout) {
        keep(settings.withWindow(width, height, maximized).withLastDeployment(shownDeployment).withLayout(layout));
    }

    private void keep(ConsoleSettings changed) {
        settings = changed;
        if (file == null) {
            return;
        }
        ConsoleSettings toSave = changed;
        tasks.perform(() -> file.save(toSave), () -> { }, failure -> notices.problem("Could not save the settings", failure));
    }

    /** The local pool's settings as people left them, for its next start. */
    public void keepLocalPool(LocalPoolSettings chosen) {
        keep(settings.withLocalPool(chosen));
        notices.done("Kept the local pool's settings: " + chosen.describe() + ", from the console's next start");
    }

    public ConsoleSettings settings() {
        return settings;
    }

    /** How the jobs' times show; the window binds its shared state to it. */
    public ObjectProperty<TimeDisplay> timeDisplayProperty() {
        return timeDisplay;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the window is dark now: the theme chosen, or the system's where it follows the system. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
