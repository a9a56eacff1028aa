package com.intellivision.console.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows for the moment between opening and the console being ready: its name and
 * that it is starting. Built in code, not FXML, because it is the first thing painted and loading
 * FXML costs more than the whole view; and without a spinner, whose every frame the software renderer
 * would draw while the start needs the processor, for the seconds it lasts.
 */
final class StartingView {

    static final String STARTING = "Opening the job store and starting the workers\u2026";

    private StartingView() {}

    static Parent root() {
        Label title = new Label(ConsoleWindow.TITLE);
        title.getStyleClass().add("title-2");
        Label starting = new Label(STARTING);
        starting.getStyleClass().add("text-muted");
        VBox root = new VBox(14, title, starting);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("starting-view");
        return root;
    }
}
