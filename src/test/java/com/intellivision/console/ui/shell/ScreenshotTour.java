package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.SettingsFile;
import com.intellivision.console.ui.settings.SettingsView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The README's screenshots, taken of the real window (not a test): the console on a real local pool
 * with real jobs on {@code vtest.avi}, each view in the light and the dark theme, grabbed from the X
 * display with ImageMagick's {@code import}. Needs a display (Xvfb will do) and ImageMagick:
 * <pre>DISPLAY=:99 mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.ui.shell.ScreenshotTour</pre>
 * The shots go to {@code packaging/screenshots}, replacing those of the same name.
 */
public final class ScreenshotTour {

    private static final int WIDTH = 1320;
    private static final int HEIGHT = 800;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    /** Long enough for images to load, charts to animate and tooltips to go. */
    private static final long SETTLE_MILLIS = 1800;
    /** Into a running count far enough for its progress and its live frame to show. */
    private static final long COUNT_UNDER_WAY_MILLIS = 4000;

    private final Stage stage;
    private final ConsoleSession session;
    private final LocalDeployment pool;
    private final String deploymentId;
    private final Path out;
    private final FxRobot robot = new FxRobot();

    private ScreenshotTour(Stage stage, ConsoleSession session, LocalDeployment pool, Path out) {
        this.stage = stage;
        this.session = session;
        this.pool = pool;
        this.deploymentId = pool.id();
        this.out = out;
    }

    /** The jobs the views show: a frame, a filmstrip, a people count and a job that fails. */
    private record TourJobs(long frame, long filmstrip, long count, long failed) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("packaging/screenshots");
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("console-tour");
        System.setProperty("testfx.robot", "glass");
        LocalDeployment pool = LocalDeployment.start(PoolConfig.defaults(data.resolve("pool")).withWorkerCount(2));
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleSettings settings = ConsoleSettings.DEFAULTS.withTheme(Theme.LIGHT).withWindow(WIDTH, HEIGHT, false);
        ConsoleSession session = HeadlessConsole.onFx(() -> {
            ConsoleSession opened = ConsoleSession.open(stage, new FixedCatalog(List.of(pool)), address -> { },
                    SettingsFile.in(data.resolve("settings")), settings);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return opened;
        });
        ScreenshotTour tour = new ScreenshotTour(stage, session, pool, out);
        try {
            TourJobs jobs = submitAndWait(pool);
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                tour.visit(jobs, theme.name().toLowerCase(Locale.ROOT));
            }
        } finally {
            HeadlessConsole.onFx(() -> {
                session.closeView();
                stage.hide();
                return null;
            });
            session.closeDeployment();
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
        System.exit(0);
    }

    private static TourJobs submitAndWait(LocalDeployment pool) throws TimeoutException, InterruptedException {
        String clip = SampleVideos.VTEST.toString();
        long count = pool.submit(JobRequest.count(clip, new CountParams(1.0, null, null))).id();
        long frame = pool.submit(JobRequest.frame(clip, FrameParams.at(31.0))).id();
        long filmstrip = pool.submit(JobRequest.frame(clip, FrameParams.filmstrip(8, "jpg", null))).id();
        long failed = pool.submit(JobRequest.frame(clip, FrameParams.at(600.0))).id();
        List<Job> ended = new ArrayList<>();
        for (long id : new long[] {frame, filmstrip, failed, count}) {
            ended.add(pool.awaitTerminal(id, JOB_TIMEOUT));
        }
        ended.forEach(job -> System.out.printf("job #%d %s %s%n", job.id(), job.type(), job.status()));
        return new TourJobs(frame, filmstrip, count, failed);
    }

    private void visit(TourJobs jobs, String theme) throws Exception {
        onFx(() -> SettingsView.apply("dark".equals(theme), stage.getScene()));
        showTab(0);
        select(jobs.frame());
        shoot("jobs-" + theme);
        select(jobs.filmstrip());
        shoot("filmstrip-" + theme);
        select(jobs.count());
        shoot("people-count-" + theme);
        select(jobs.failed());
        expandDetails(true);
        shoot("job-details-" + theme);
        expandDetails(false);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT, KeyCode.CONTROL);
        centreDialogs();
        shoot("retry-with-changes-" + theme);
        robot.type(KeyCode.ESCAPE);
        showTab(1);
        robot.clickOn("5 min");
        shoot("workers-" + theme);
        showTab(2);
        shoot("queue-" + theme);
        showTab(3);
        shoot("alerts-" + theme);
        showTab(0);
        robot.clickOn("#settingsButton").clickOn("Local pool…");
        centreDialogs();
        shoot("local-pool-settings-" + theme);
        robot.type(KeyCode.ESCAPE);
        long running = pool.submit(JobRequest.count(SampleVideos.VTEST.toString(), new CountParams(4.0, null, null))).id();
        select(running);
        Thread.sleep(COUNT_UNDER_WAY_MILLIS);
        shoot("people-count-running-" + theme);
        pool.awaitTerminal(running, JOB_TIMEOUT);
    }

    /** Puts open dialogs over the middle of the window, as a desktop's window manager would; Xvfb has none. */
    private void centreDialogs() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS / 3);
        onFx(() -> Window.getWindows().stream().filter(window -> window != stage && window instanceof Stage).forEach(dialog -> {
            dialog.setX(stage.getX() + (stage.getWidth() - dialog.getWidth()) / 2);
            dialog.setY(stage.getY() + (stage.getHeight() - dialog.getHeight()) / 3);
        }));
    }

    private void expandDetails(boolean expanded) {
        onFx(() -> lookup("#detailsPane").map(TitledPane.class::cast).ifPresent(pane -> pane.setExpanded(expanded)));
    }

    private void showTab(int index) {
        onFx(() -> lookup("#tabs").map(TabPane.class::cast).ifPresent(tabs -> tabs.getSelectionModel().select(index)));
    }

    private void select(long jobId) {
        onFx(() -> {
            MainViewModel viewModel = session.viewModel();
            viewModel.jobList().row(new JobKey(deploymentId, jobId)).ifPresent(viewModel.jobList()::select);
        });
    }

    private java.util.Optional<Node> lookup(String selector) {
        return java.util.Optional.ofNullable(stage.getScene().lookup(selector));
    }

    /** Grabs the screen where the window is, after the window has settled. */
    private void shoot(String name) throws IOException, InterruptedException {
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

    private static void onFx(Runnable work) {
        HeadlessConsole.onFx(() -> {
            work.run();
            return null;
        });
    }
}
