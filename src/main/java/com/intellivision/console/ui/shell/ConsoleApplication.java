package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.FxThread;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.SettingsFile;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The console window's life: opens the deployments, shows the window, and on exit closes the
 * deployments so the local pool's worker processes end with the program. Started through {@link #launch(Supplier)};
 * the program's {@code main} lives elsewhere so JavaFX can start from a plain class path.
 */
public final class ConsoleApplication extends Application {

    /** Long enough for workers to finish a frame and exit, short enough that quitting feels like quitting. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private static final System.Logger LOG = System.getLogger(ConsoleApplication.class.getName());
    private static volatile Supplier<DeploymentCatalog> deploymentFactory;
    private static volatile SettingsFile settingsFile;

    private DeploymentCatalog deployments;
    private RuntimeException deploymentFailure;
    private ConsoleSession session;
    private ConsoleSettings settings = ConsoleSettings.DEFAULTS;

    /**
     * Opens the console on the deployments {@code factory} makes, with the settings kept in {@code settings},
     * and returns when the window has closed.
     */
    public static void launch(Supplier<DeploymentCatalog> factory, SettingsFile settings) {
        deploymentFactory = Objects.requireNonNull(factory, "factory");
        settingsFile = settings;
        Application.launch(ConsoleApplication.class);
    }

    /** Runs on the launcher thread, so starting worker processes does not freeze a visible window. */
    @Override
    public void init() {
        Supplier<DeploymentCatalog> factory = deploymentFactory;
        if (factory == null) {
            deploymentFailure = new IllegalStateException("start the console with ConsoleApplication.launch(deploymentFactory)");
            return;
        }
        if (settingsFile != null) {
            settings = settingsFile.load();
        }
        try {
            deployments = factory.get();
        } catch (RuntimeException failure) {
            deploymentFailure = failure;
        }
    }

    @Override
    public void start(Stage stage) {
        if (deploymentFailure != null) {
            ConsoleWindow.installTheme();
            reportCannotStart(deploymentFailure);
            FxThread.exitApplication();
            return;
        }
        session = ConsoleSession.open(stage, deployments, getHostServices()::showDocument, settingsFile, settings);
    }

    private static void reportCannotStart(RuntimeException failure) {
        LOG.log(Level.ERROR, "the deployment could not start", failure);
        Alert alert = new Alert(AlertType.ERROR);
        alert.setTitle(ConsoleWindow.TITLE);
        alert.setHeaderText("The console could not start its job engine");
        alert.setContentText(Failures.messageOf(failure));
        alert.showAndWait();
    }

    /**
     * Closes the deployment on a thread of its own and waits for it, within a bound: the workers must
     * end with the console, but a stuck one must not keep the window from closing.
     */
    @Override
    public void stop() {
        if (session != null) {
            session.closeView();
            closeWithinBound(session::closeDeployment);
        } else if (deployments != null) {
            closeWithinBound(deployments::close);
        }
        FxThread.exitApplication();
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
