package com.intellivision.console.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The console's window: its theme (AtlantaFX Primer Light, then the console's stylesheet), title and size. */
final class ConsoleWindow {

    static final String TITLE = "IntelliVision Console";
    static final String STYLESHEET = "/styles/console.css";
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;
    private static final double MIN_WIDTH = 860;
    private static final double MIN_HEIGHT = 520;

    private ConsoleWindow() {}

    /** Sets the theme for every window of the application; call on the FX thread before showing one. */
    static void installTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Puts {@code content} in {@code stage}, styled and sized, and shows it. */
    static void show(Stage stage, Parent content) {
        installTheme();
        Scene scene = new Scene(content, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleWindow.class.getResource(STYLESHEET),
                STYLESHEET + " is missing from the class path").toExternalForm());
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
    }
}
