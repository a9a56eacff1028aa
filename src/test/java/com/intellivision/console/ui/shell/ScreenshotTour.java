package com.intellivision.console.ui.shell;

import com.intellivision.console.app.LocalLinkPreview;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.ui.common.FrameResults;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.SettingsView;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.NotificationPane;
import org.testfx.api.FxRobot;

/**
 * The README's screenshots of the local pool, taken of the real window (not a test): the console on a
 * real local pool with real jobs on {@code vtest.avi}, each view in the light and the dark theme,
 * grabbed from the X display with ImageMagick's {@code import}. Needs a display (Xvfb will do) and
 * ImageMagick:
 * <pre>DISPLAY=:99 mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.ui.shell.ScreenshotTour</pre>
 * The shots go to {@code packaging/screenshots}, replacing those of the same name;
 * {@link RemoteScreenshotTour} takes those of remote deployments.
 */
public final class ScreenshotTour {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    /** Into a running count far enough for its progress and its live frame to show. */
    private static final long COUNT_UNDER_WAY_MILLIS = 4000;
    /** The bar takes 350 ms to slide in. */
    private static final long RULE_NOTICE_SLID_IN_MILLIS = 1000;

    private final TourWindow window;
    private final LocalDeployment pool;
    private final FxRobot robot;
    /** A web page on loopback whose video the card under the URL field shows. */
    private String page;

    private ScreenshotTour(TourWindow window, LocalDeployment pool) {
        this.window = window;
        this.pool = pool;
        this.robot = window.robot();
    }

    /** The jobs the views show: a frame, a filmstrip, a people count and a job that fails. */
    private record TourJobs(long frame, long filmstrip, long count, long failed) {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("packaging/screenshots"));
        Path data = Files.createTempDirectory("console-tour");
        PoolConfig config = PoolConfig.defaults(data.resolve("pool")).withWorkerCount(2);
        LocalDeployment pool = LocalDeployment.start(config, new LocalLinkPreview(config));
        TourWindow window = TourWindow.open(new FixedCatalog(List.of(pool)), data, out);
        ScreenshotTour tour = new ScreenshotTour(window, pool);
        LoopbackHttpServer site = null;
        try {
            TourJobs jobs = submitAndWait(pool);
            site = LoopbackHttpServer.serving(webPage(data.resolve("site"), pool.job(jobs.frame()).orElseThrow()));
            tour.page = site.url("/courtyard.html");
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                tour.visit(jobs, theme.name().toLowerCase(Locale.ROOT));
            }
        } finally {
            window.close();
            if (site != null) {
                site.close();
            }
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

    /** A page as a camera site would publish it: its video, and the frame job's image as its picture. */
    private static Path webPage(Path folder, Job frame) throws IOException {
        Files.createDirectories(folder);
        Files.copy(SampleVideos.VTEST, folder.resolve("courtyard.avi"));
        String image = FrameResults.of(frame).map(result -> FrameResults.imageUrlOf(frame, result)).orElseThrow();
        Files.copy(Path.of(URI.create(image)), folder.resolve("courtyard.jpg"));
        Files.writeString(folder.resolve("courtyard.html"), "<!doctype html><html><head><title>Courtyard, Tuesday noon</title>"
                + "<meta property=\"og:title\" content=\"Courtyard, Tuesday noon\">"
                + "<meta property=\"og:video\" content=\"courtyard.avi\"><meta property=\"og:image\" content=\"courtyard.jpg\">"
                + "</head><body></body></html>");
        return folder;
    }

    private void visit(TourJobs jobs, String theme) throws Exception {
        TourWindow.onFx(() -> SettingsView.apply("dark".equals(theme), window.stage().getScene()));
        window.showTab("jobsTab");
        select(jobs.frame());
        window.shoot("jobs-" + theme);
        TourWindow.onFx(() -> window.lookup("#urlField").map(TextField.class::cast).ifPresent(field -> field.setText(page)));
        window.waitUntil("the link's card shows", Duration.ofSeconds(30), () -> window.lookup("#linkFound").map(Node::isVisible).orElse(false));
        window.shoot("link-card-" + theme);
        TourWindow.onFx(() -> window.lookup("#urlField").map(TextField.class::cast).ifPresent(field -> field.setText("")));
        select(jobs.filmstrip());
        window.shoot("filmstrip-" + theme);
        select(jobs.count());
        window.shoot("people-count-" + theme);
        select(jobs.failed());
        expandDetails(true);
        window.shoot("job-details-" + theme);
        expandDetails(false);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT, KeyCode.CONTROL);
        window.centreDialogs();
        window.shoot("retry-with-changes-" + theme);
        robot.type(KeyCode.ESCAPE);
        window.showTab("workersTab");
        robot.clickOn("5 min");
        window.shoot("workers-" + theme);
        window.showTab("queueTab");
        window.shoot("queue-" + theme);
        window.showTab("alertsTab");
        window.shoot("alerts-" + theme);
        window.showTab("jobsTab");
        robot.clickOn("#settingsButton").clickOn("Local pool…");
        window.centreDialogs();
        window.shoot("local-pool-settings-" + theme);
        robot.type(KeyCode.ESCAPE);
        long running = pool.submit(JobRequest.count(SampleVideos.VTEST.toString(), new CountParams(4.0, null, null))).id();
        select(running);
        Thread.sleep(COUNT_UNDER_WAY_MILLIS);
        window.shoot("people-count-running-" + theme);
        pool.awaitTerminal(running, JOB_TIMEOUT);
        failureRateRuleOn(true);
        window.waitUntil("the failure rate rule's notification shows", Duration.ofSeconds(30),
                () -> window.lookup(".rule-notices").map(notices -> ((NotificationPane) notices).isShowing()).orElse(false));
        Thread.sleep(RULE_NOTICE_SLID_IN_MILLIS);
        window.shoot("rule-notice-" + theme);
        failureRateRuleOn(false);
        TourWindow.onFx(() -> window.lookup(".rule-notices").map(NotificationPane.class::cast).ifPresent(NotificationPane::hide));
    }

    /**
     * The tour's one failed job of five is a failure rate of 20 %: with no hold, cooldown or minimum of
     * jobs the rule fires at once. Off again, so that it shows in one shot only.
     */
    private void failureRateRuleOn(boolean on) throws InterruptedException {
        window.showTab("alertsTab");
        TourWindow.onFx(() -> {
            window.lookup("#rule-JOB_FAILURE_RATE-enabled").map(CheckBox.class::cast).ifPresent(box -> box.setSelected(on));
            Map.of("hold", "0", "cooldown", "0", "min-jobs", "1").forEach((name, value) -> window.lookup("#rule-JOB_FAILURE_RATE-" + name)
                    .map(TextField.class::cast).ifPresent(field -> field.setText(value)));
        });
        window.showTab("jobsTab");
    }

    private void select(long jobId) throws InterruptedException {
        window.select(pool.id(), jobId);
    }

    private void expandDetails(boolean expanded) {
        TourWindow.onFx(() -> window.lookup("#detailsPane").map(TitledPane.class::cast).ifPresent(pane -> pane.setExpanded(expanded)));
    }
}
