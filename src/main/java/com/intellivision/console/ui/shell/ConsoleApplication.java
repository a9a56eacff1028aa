package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.FxThread;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.SettingsFile;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Alert;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window's life: shows the window, opens the deployments behind it, and on exit closes the
 * deployments so the local pool's worker processes end with the program. Started through {@link #launch(Supplier)};
 * the program's {@code main} lives elsewhere so JavaFX can start from a plain class path.
 */
public final class ConsoleApplication extends Application {

    /** Long enough for workers to finish a frame and exit, short enough that quitting feels like quitting. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private static final System.Logger LOG = System.getLogger(ConsoleApplication.class.getName());
    /** Held, as java.util.logging keeps only weak references to loggers and would forget the levels set. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static final java.util.logging.Logger JAVAFX_CSS_LOG = java.util.logging.Logger.getLogger("javafx.css");
    private static volatile Supplier<DeploymentCatalog> deploymentFactory;
    private static volatile SettingsFile settingsFile;

    private CompletableFuture<DeploymentCatalog> opening;
    private volatile boolean stopping;
    private ConsoleSession session;
    private ConsoleSettings settings = ConsoleSettings.DEFAULTS;

    /**
     * Opens the console on the deployments {@code factory} makes, with the settings kept in {@code settings},
     * and returns when the window has closed.
     */
    public static void launch(Supplier<DeploymentCatalog> factory, SettingsFile settings) {
        prepare(factory, settings);
        // JavaFX warns at every start that it runs from the class path, as the console does on purpose (one
        // class path for the window and its workers); the warning would only worry whoever sees the terminal.
        // Its other loggers ("javafx.css" among them) keep their warnings.
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        JAVAFX_CSS_LOG.setLevel(java.util.logging.Level.WARNING);
        Application.launch(ConsoleApplication.class);
    }

    /** What the next instance opens; {@link #launch} sets it, and tests that start the application themselves. */
    static void prepare(Supplier<DeploymentCatalog> factory, SettingsFile settings) {
        deploymentFactory = Objects.requireNonNull(factory, "factory");
        settingsFile = settings;
    }

    /** Runs on the launcher thread: only the settings, which the window needs for its size and theme. */
    @Override
    public void init() {
        if (settingsFile != null) {
            settings = settingsFile.load();
        }
    }

    /**
     * Shows the window at once, saying it is starting, and opens the deployments on a thread of their
     * own (the job store, the worker processes): the console fills the window when they are up.
     */
    @Override
    public void start(Stage stage) {
        Supplier<DeploymentCatalog> factory = deploymentFactory;
        if (factory == null) {
            throw new IllegalStateException("start the console with ConsoleApplication.launch(deploymentFactory)");
        }
        stage.setTitle(ConsoleWindow.TITLE + " \u2014 starting");
        ConsoleWindow.show(stage, StartingView.root(), settings, ConsoleWindow.prefersDark(settings));
        opening = CompletableFuture.supplyAsync(factory, runnable -> {
            Thread opener = new Thread(runnable, "console-start");
            opener.setDaemon(true);
            opener.start();
        });
        opening.whenComplete((catalog, failure) -> FxThread.INSTANCE.execute(() -> opened(stage, catalog, failure)));
    }

    private void opened(Stage stage, DeploymentCatalog catalog, Throwable failure) {
        if (failure != null) {
            reportCannotStart("The console could not start its job engine",
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            FxThread.exitApplication();
            return;
        }
        if (stopping) {
            return;
        }
        try {
            session = ConsoleSession.open(stage, catalog, getHostServices()::showDocument, settingsFile, settings);
        } catch (RuntimeException | LinkageError viewsFailed) {
            // Said, rather than left on "starting" for ever: the views could not be built (a broken install).
            // The deployments close in stop(), off this thread.
            reportCannotStart("The console could not open its views", viewsFailed);
            FxThread.exitApplication();
            return;
        }
        // "Starting" leaves the title once the console is laid out in the window, not when it is only built:
        // the first layout of every view is itself a good part of the start.
        afterNextLayout(stage.getScene(), () -> {
            stage.setTitle(ConsoleWindow.TITLE);
            QuitAfterStart.scheduleIfAsked(stage);
        });
    }

    private static void afterNextLayout(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    action.run();
                    // Not removed while the scene is calling its listeners.
                    FxThread.INSTANCE.execute(() -> scene.removePostLayoutPulseListener(this));
                }
            }
        });
    }

    private static void reportCannotStart(String what, Throwable failure) {
        LOG.log(Level.ERROR, what, failure);
        Alert alert = new Alert(AlertType.ERROR);
        alert.setTitle(ConsoleWindow.TITLE);
        alert.setHeaderText(what);
        alert.setContentText(failure instanceof LinkageError
                ? "A part of the console is missing or damaged (" + Failures.messageOf(failure) + "). Install it again."
                : Failures.messageOf(failure));
        alert.showAndWait();
    }

    /**
     * Closes the deployment on a thread of its own and waits for it, within a bound: the workers must
     * end with the console, but a stuck one must not keep the window from closing.
     */
    @Override
    public void stop() {
        close();
        FxThread.exitApplication();
    }

    /** What {@link #stop()} does but ending JavaFX: the view's timers stop and the deployments close. */
    void close() {
        stopping = true;
        if (session != null) {
            session.closeView();
            closeWithinBound(session::closeDeployment);
        } else if (opening != null && !opening.isCompletedExceptionally()) {
            // Closed while still starting: the deployments end once they are up.
            closeWithinBound(() -> opening.join().close());
        }
    }

    private static void closeWithinBound(Runnable close) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                close.run();
                closed.complete(null);
            } catch (RuntimeException | Error failure) {
                closed.completeExceptionally(failure);
            }
        }, "console-shutdown");
        closer.setDaemon(true);
        closer.start();
        try {
            closed.get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            LOG.log(Level.WARNING, "the job engine did not close within {0} s; leaving it behind", SHUTDOWN_WAIT_SECONDS);
        } catch (ExecutionException failure) {
            LOG.log(Level.WARNING, "the job engine failed while closing", failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
