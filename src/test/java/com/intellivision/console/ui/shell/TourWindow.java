package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.SettingsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console window as the screenshot tours show it on an X display (Xvfb will do): opened at
 * the shots' size in the top-left corner, driven to a state, grabbed with ImageMagick's {@code import}.
 */
final class TourWindow {

    static final int WIDTH = 1320;
    static final int HEIGHT = 800;
    /** Long enough for images to load, charts to animate and tooltips to go. */
    private static final long SETTLE_MILLIS = 1800;
    private static final Duration DIALOG_TIMEOUT = Duration.ofSeconds(30);

    private final Stage stage;
    private final ConsoleSession session;
    private final Path out;
    private final FxRobot robot = new FxRobot();

    private TourWindow(Stage stage, ConsoleSession session, Path out) {
        this.stage = stage;
        this.session = session;
        this.out = out;
    }

    /** Opens the window on {@code catalog}, in the light theme, its settings kept under {@code data}; shots go to {@code out}. */
    static TourWindow open(DeploymentCatalog catalog, Path data, Path out) throws Exception {
        System.setProperty("testfx.robot", "glass");
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleSettings settings = ConsoleSettings.DEFAULTS.withTheme(Theme.LIGHT).withWindow(WIDTH, HEIGHT, false);
        ConsoleSession session = HeadlessConsole.onFx(() -> {
            ConsoleSession opened = ConsoleSession.open(stage, catalog, address -> { }, SettingsFile.in(data.resolve("settings")), settings);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return opened;
        });
        return new TourWindow(stage, session, out);
    }

    Stage stage() {
        return stage;
    }

    MainViewModel viewModel() {
        return session.viewModel();
    }

    FxRobot robot() {
        return robot;
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails saying {@code what} did not. */
    void waitUntil(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(HeadlessConsole.onFx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Puts open dialogs over the middle of the window, as a desktop's window manager would; Xvfb has none. */
    void centreDialogs() throws InterruptedException {
        waitUntil("a dialog shows", DIALOG_TIMEOUT, () -> !dialogs().isEmpty() && dialogs().stream().allMatch(dialog -> dialog.getWidth() > 0));
        onFx(() -> dialogs().forEach(dialog -> {
            dialog.setX(stage.getX() + (stage.getWidth() - dialog.getWidth()) / 2);
            dialog.setY(stage.getY() + Math.max(0, (stage.getHeight() - dialog.getHeight()) / 3));
        }));
    }

    /** Whether a window other than the console's shows. */
    boolean dialogShows() {
        return HeadlessConsole.onFx(() -> !dialogs().isEmpty());
    }

    private List<Window> dialogs() {
        return Window.getWindows().stream().filter(window -> window != stage && window instanceof Stage && window.isShowing()).toList();
    }

    /** Shows the tab of that id ({@code jobsTab}, {@code workersTab}, ...). */
    void showTab(String tabId) {
        onFx(() -> lookup("#tabs").map(TabPane.class::cast).ifPresent(tabs -> tabs.getTabs().stream()
                .filter(tab -> tabId.equals(tab.getId())).findFirst().ifPresent(tabs.getSelectionModel()::select)));
    }

    /** Selects a job of a deployment as a click on its row does, once the table holds it. */
    void select(String deploymentId, long jobId) throws InterruptedException {
        JobKey key = new JobKey(deploymentId, jobId);
        waitUntil("job #" + jobId + " is listed", Duration.ofSeconds(60), () -> {
            session.viewModel().showDeployment(deploymentId);
            boolean listed = session.viewModel().jobList().row(key).isPresent();
            if (listed) {
                session.viewModel().showJob(key);
            }
            return listed;
        });
    }

    Optional<Node> lookup(String selector) {
        return Optional.ofNullable(stage.getScene().lookup(selector));
    }

    /** Grabs the screen where the window is, after the window has settled. */
    void shoot(String name) throws IOException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        Path file = out.resolve(name + ".png");
        String geometry = WIDTH + "x" + HEIGHT + "+0+0";
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop", geometry, "+repage", file.toString())
                .redirectErrorStream(true).start();
        String said = new String(grab.getInputStream().readAllBytes());
        if (grab.waitFor() != 0) {
            throw new IOException("import could not grab the screen: " + said);
        }
        System.out.println("shot " + file);
    }

    /** Closes the window and its deployments. */
    void close() {
        onFx(() -> {
            session.closeView();
            stage.hide();
        });
        session.closeDeployment();
    }

    static void onFx(Runnable work) {
        HeadlessConsole.onFx(() -> {
            work.run();
            return null;
        });
    }
}
