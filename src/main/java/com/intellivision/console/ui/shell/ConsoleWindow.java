package com.intellivision.console.ui.shell;

import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.SettingsView;
import com.intellivision.console.ui.settings.SystemTheme;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The console's window: its theme (AtlantaFX Primer, light or dark, then the console's stylesheet), title and size. */
public final class ConsoleWindow {

    static final String TITLE = "IntelliVision Console";
    static final String STYLESHEET = "/styles/console.css";
    /** The icon of the window (the packages' icon too: packaging/icons). */
    static final String ICON = "/icons/intellivision-console.png";
    private static final double WIDTH = 1320;
    private static final double HEIGHT = 760;
    private static final double MIN_WIDTH = 1060;
    private static final double MIN_HEIGHT = 520;

    private ConsoleWindow() {}

    /** Whether {@code settings} ask for a dark window, reading the desktop's preference where they follow it. */
    static boolean prefersDark(ConsoleSettings settings) {
        return settings.theme() == Theme.DARK || settings.theme() == Theme.SYSTEM && SystemTheme.prefersDark(System.getenv());
    }

    /**
     * Puts {@code content} in {@code stage}, styled and sized, and shows it, titled {@link #TITLE} unless
     * it has a title already. A stage already showing
     * keeps its scene, size and place, and only changes what it shows.
     */
    static void show(Stage stage, Parent content, ConsoleSettings settings, boolean dark) {
        if (stage.isShowing() && stage.getScene() != null) {
            stage.getScene().setRoot(content);
            SettingsView.apply(dark, stage.getScene());
            return;
        }
        // No larger than the screen leaves room for: a laptop's is often 1366 × 768.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = settings.hasWindowSize() ? Math.max(MIN_WIDTH, settings.windowWidth()) : WIDTH;
        double height = settings.hasWindowSize() ? Math.max(MIN_HEIGHT, settings.windowHeight()) : HEIGHT;
        Scene scene = new Scene(content, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
        SettingsView.apply(dark, scene);
        stage.setMaximized(settings.maximized());
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleWindow.class.getResource(STYLESHEET),
                STYLESHEET + " is missing from the class path").toExternalForm());
        if (stage.getTitle() == null) {
            stage.setTitle(TITLE);
        }
        stage.getIcons().setAll(new Image(Objects.requireNonNull(ConsoleWindow.class.getResource(ICON),
                ICON + " is missing from the class path").toExternalForm()));
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
    }
}
