package com.intellivision.console.ui.shell;

import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Closes the window some seconds after the console is ready, where the system property
 * {@value #PROPERTY} asks for it: the packaging's training run, which records the classes a start
 * loads for the class-data archive, and start-up measurements, which need a start that ends by itself.
 */
final class QuitAfterStart {

    static final String PROPERTY = "intellivision.console.quitAfterSeconds";

    private QuitAfterStart() {}

    static void scheduleIfAsked(Stage stage) {
        int seconds = Integer.getInteger(PROPERTY, 0);
        if (seconds > 0) {
            PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
            wait.setOnFinished(event -> stage.close());
            wait.play();
        }
    }
}
