package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.ui.settings.SettingsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's start as the program makes it: the window is up, saying it is starting, while the job
 * store and the worker processes are still being opened (here held back until the test lets them go),
 * and the console fills that same window once they are up.
 */
class ConsoleStartTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private Stage stage;
    private ConsoleApplication application;

    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // The window this test closes is the only one: JavaFX must stay up for the tests after it.
        HeadlessConsole.onFx(() -> {
            Platform.setImplicitExit(false);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        // As a person quits: the window closes, then the application stops, but without FxToolkit.cleanupApplication,
        // whose stop() would end JavaFX for the tests after this one.
        if (application != null) {
            HeadlessConsole.onFx(() -> {
                stage.hide();
                application.close();
                return null;
            });
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowShowsBeforeThePoolIsUpAndTheConsoleFillsItAfter() throws Exception {
        CountDownLatch poolMayStart = new CountDownLatch(1);
        Supplier<DeploymentCatalog> slowPool = () -> {
            try {
                poolMayStart.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new FixedCatalog(List.of(LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1))));
        };
        ConsoleApplication.prepare(slowPool, SettingsFile.in(temp.resolve("settings")));
        application = (ConsoleApplication) FxToolkit.setupApplication(ConsoleApplication.class);
        FxRobot robot = new FxRobot();

        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> stage.isShowing());
        assertThat(stage.getTitle()).isEqualTo("IntelliVision Console \u2014 starting");
        assertThat(robot.lookup(".starting-view .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(StartingView.STARTING);
        double widthWhileStarting = stage.getWidth();

        poolMayStart.countDown();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> stage.getTitle().equals("IntelliVision Console"));
        WaitForAsyncUtils.waitForFxEvents();
        Node submitField = robot.lookup("#urlField").query();
        assertThat(isShown(submitField)).as("the console's submit field, in the same window").isTrue();
        assertThat(robot.lookup(".starting-view").tryQuery()).isEmpty();
        assertThat(stage.getWidth()).as("the window keeps its size").isEqualTo(widthWhileStarting);
    }
}
