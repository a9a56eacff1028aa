package com.intellivision.console.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What the window shows for the moment between opening and the console being ready: its name and
 * that it is starting. Built in code, not FXML, because it is the first thing painted and loading
 * FXML costs more than the whole view.
 */
final class StartingView {

    static final String STARTING = "Opening the job store and starting the workers\u2026";

    private StartingView() {}

    static Parent root() {
        Label title = new Label(ConsoleWindow.TITLE);
        title.getStyleClass().add("title-2");
        Label starting = new Label(STARTING);
        starting.getStyleClass().add("text-muted");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        VBox root = new VBox(14, title, spinner, starting);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("starting-view");
        return root;
    }
}
