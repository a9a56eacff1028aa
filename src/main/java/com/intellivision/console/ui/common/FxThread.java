package com.intellivision.console.ui.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one door to the JavaFX application thread, and the one place that talks to {@code Platform}. Work finished in the background and events from the
 * deployment reach the views only through here, so the rest of the package never calls
 * {@code Platform.runLater} itself and can be tested with a same-thread executor instead.
 */
public final class FxThread implements Executor {

    public static final FxThread INSTANCE = new FxThread();

    private FxThread() {}

    @Override
    public void execute(Runnable task) {
        Platform.runLater(task);
    }

    /** Ends the JavaFX application, once the window has let go of everything. */
    public static void exitApplication() {
        Platform.exit();
    }
}
