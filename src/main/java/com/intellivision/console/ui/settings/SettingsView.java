package com.intellivision.console.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.intellivision.console.ui.common.TimeDisplay;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import java.util.Map;
import javafx.application.Application;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** The settings menu, and the theme it sets on every window of the application. */
public final class SettingsView {

    /** On the scene's root while the window is dark, for the console's own colours. */
    public static final String DARK_CLASS = "dark";

    @FXML private MenuButton settingsButton;
    @FXML private ToggleGroup themeChoice;
    @FXML private RadioMenuItem lightTheme;
    @FXML private RadioMenuItem darkTheme;
    @FXML private RadioMenuItem systemTheme;
    @FXML private MenuItem settingsFileItem;
    @FXML private MenuItem localPoolItem;
    @FXML private MenuItem alertRulesItem;
    @FXML private ToggleGroup timeChoice;
    @FXML private RadioMenuItem relativeTimes;
    @FXML private RadioMenuItem localTimes;
    @FXML private RadioMenuItem utcTimes;

    public void bind(SettingsViewModel viewModel, String savedIn) {
        Map<Theme, Toggle> items = Map.of(Theme.LIGHT, lightTheme, Theme.DARK, darkTheme, Theme.SYSTEM, systemTheme);
        themeChoice.selectToggle(items.get(viewModel.themeProperty().get()));
        themeChoice.selectedToggleProperty().addListener((property, before, chosen) -> items.forEach((theme, item) -> {
            if (item == chosen) {
                viewModel.themeProperty().set(theme);
            }
        }));
        Map<TimeDisplay, Toggle> times = Map.of(TimeDisplay.RELATIVE, relativeTimes, TimeDisplay.LOCAL, localTimes, TimeDisplay.UTC, utcTimes);
        timeChoice.selectToggle(times.get(viewModel.timeDisplayProperty().get()));
        timeChoice.selectedToggleProperty().addListener((property, before, chosen) -> times.forEach((display, item) -> {
            if (item == chosen) {
                viewModel.timeDisplayProperty().set(display);
            }
        }));
        localPoolItem.setOnAction(event -> LocalPoolView.open(settingsButton,
                new LocalPoolForm(viewModel.settings().localPool(), Runtime.getRuntime().availableProcessors())).ifPresent(viewModel::keepLocalPool));
        settingsFileItem.setText("Kept in " + java.nio.file.Path.of(savedIn).getFileName());
        viewModel.darkProperty().addListener((property, before, dark) -> apply(dark, settingsButton.getScene()));
        settingsButton.sceneProperty().addListener((property, before, scene) -> apply(viewModel.darkProperty().get(), scene));
    }

    /** What "Alert rules…" does: the window shows the rules where they are edited. */
    public void onAlertRules(Runnable showRules) {
        alertRulesItem.setOnAction(event -> showRules.run());
    }

    /** Sets the AtlantaFX theme for every window, and marks the scene so the console's own colours follow. */
    public static void apply(boolean dark, Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove(DARK_CLASS);
            if (dark) {
                scene.getRoot().getStyleClass().add(DARK_CLASS);
            }
        }
    }
}
