package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.MachineMemory;
import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.workers.JobBand;
import com.intellivision.console.ui.workers.MemoryChartViewModel;
import com.intellivision.console.ui.workers.WorkerRow;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.dataset.DataSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Workers tab on ChartFX, fed by a deployment that plays a local pool: a worker's memory each
 * quarter second and a job running on it. The chart gains the worker's points, shows the job's band
 * over its line and the pool's limits; clicking the band selects the job; dragging across the chart
 * zooms into that stretch of time until Live is pressed, and with Ctrl pans.
 */
@ExtendWith(ApplicationExtension.class)
class WorkersWindowTest {

    private static final long MIB = 1024 * 1024;
    private static final long TIMEOUT_SECONDS = 30;
    private static final long JOB = 5;

    private final FakeDeployment deployment = new FakeDeployment().withPool(false);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong rss = new AtomicLong(140 * MIB);
    private ConsoleSession session;
    private Job running;

    @Start
    void openConsole(Stage stage) {
        deployment.id = Deployment.LOCAL_ID;
        Instant now = Instant.now();
        running = Jobs.processing(JOB, now.minusSeconds(2), now);
        deployment.recentJobs.add(running);
        deployment.workers.add(WorkerInfo.single("w1", 4101, WorkerState.IDLE, WorkerInfo.NO_JOB, 0, 0));
        // The last five minutes of the worker, climbing from 100 to 250 MiB, as the pool kept them.
        List<MemorySampled> history = new ArrayList<>();
        for (int second = 300; second > 0; second--) {
            history.add(new MemorySampled("w1", 4101, (100 + (300 - second) / 2) * MIB, now.minusSeconds(second)));
        }
        deployment.memoryHistories.put("w1", history);
        deployment.memoryLimits = Optional.of(new WorkerMemoryLimits(1024 * MIB, 2048 * MIB));
        deployment.machineMemory = Optional.of(new MachineMemory(16L * 1024 * MIB, 6L * 1024 * MIB));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        sampler.shutdownNow();
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void theChartDrawsTheWorkersMemoryAndTheBandOfItsJob(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        sampler.scheduleAtFixedRate(() -> deployment.emit(new MemorySampled("w1", 4101, rss.addAndGet(MIB), Instant.now())),
                0, 250, TimeUnit.MILLISECONDS);
        deployment.emit(new JobChanged(running));
        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 4101, WorkerState.BUSY, JOB, 0, 0)));

        XYChart chart = robot.lookup("#memoryChart").queryAs(XYChart.class);
        waitUntil(() -> pointsOf(chart, "w1") >= 3);
        int drawn = pointsOf(chart, "w1");
        waitUntil(() -> pointsOf(chart, "w1") > drawn);
        waitUntil(() -> band(robot).filter(node -> node.isVisible() && node.getWidth() > 0).isPresent());
        JobBand band = (JobBand) band(robot).orElseThrow().getUserData();
        assertThat(band.workerId()).isEqualTo("w1");
        assertThat(band.jobId()).isEqualTo(JOB);
        assertThat(band.isRunning()).isTrue();

        assertThat(chart.getPlugins()).filteredOn(YValueIndicator.class::isInstance).extracting(plugin -> ((YValueIndicator) plugin).getText())
                .containsExactly("Soft limit 1024 MiB: recycled after a job", "Hard limit 2048 MiB: killed");
        waitUntil(() -> robot.lookup(".machine-memory").queryAs(Label.class).getText().contains("16.0 GiB total"));
        assertThat(isShown(robot.lookup("#workersSpinner").query())).as("the pool's size beside the tabs").isTrue();
        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        waitUntil(() -> workers.getItems().size() == 1 && workers.getItems().get(0).jobText().equals("#" + JOB));

        Instant ended = Instant.now();
        deployment.emit(new JobChanged(Jobs.completedFrame(JOB, running.createdAt(), ended)));
        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 4101, WorkerState.IDLE, WorkerInfo.NO_JOB, 0, 0)));
        waitUntil(() -> band(robot).map(node -> ((JobBand) node.getUserData()).outcome()).orElse("").equals("completed"));
        assertThat(((JobBand) band(robot).orElseThrow().getUserData()).endSeconds()).isEqualTo(ended.toEpochMilli() / 1000.0);

        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 4101, WorkerState.RECYCLING, WorkerInfo.NO_JOB, 0, 0)));
        waitUntil(() -> !robot.lookup(".worker-marker").queryAll().isEmpty());
        Label marker = robot.lookup(".worker-marker").queryAs(Label.class);
        assertThat(marker.getTooltip().getText()).startsWith("Recycled after job #" + JOB).contains("share of jobs");
        assertThat(marker.getStyleClass()).contains("marker-recycled");
    }

    @Test
    void clickingAJobsBandSelectsTheJob(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        robot.clickOn("5 min");
        sampler.scheduleAtFixedRate(() -> deployment.emit(new MemorySampled("w1", 4101, 150 * MIB, Instant.now())), 0, 250, TimeUnit.MILLISECONDS);
        deployment.emit(new JobChanged(running));
        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 4101, WorkerState.BUSY, JOB, 0, 0)));
        // One look-up per check: each redraw may replace the band's node.
        waitUntil(() -> band(robot).filter(node -> node.isVisible() && node.getWidth() > 12).isPresent());

        robot.clickOn(band(robot).orElseThrow());

        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() != null && jobs.getSelectionModel().getSelectedItem().job().id() == JOB);
        TabPane tabs = robot.lookup(".console-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Jobs");
        assertThat(jobs.getSelectionModel().getSelectedItem().job().status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void aWorkersCurrentJobIsALinkToIt(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        deployment.emit(new JobChanged(running));
        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 4101, WorkerState.BUSY, JOB, 0, 0)));
        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        waitUntil(() -> workers.getItems().size() == 1 && workers.getItems().get(0).jobText().equals("#" + JOB));

        waitUntil(() -> robot.lookup(".current-job-link").queryAll().stream().anyMatch(link -> ((Hyperlink) link).getText().equals("#" + JOB)));
        robot.clickOn(robot.lookup(".current-job-link").queryAs(Hyperlink.class));

        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() != null && jobs.getSelectionModel().getSelectedItem().job().id() == JOB);
        assertThat(robot.lookup(".console-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText()).isEqualTo("Jobs");
    }

    @Test
    void draggingAcrossTheChartZoomsIntoThatTimeAndHoldsItUntilBackToLive(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        robot.clickOn("5 min");
        sampler.scheduleAtFixedRate(() -> deployment.emit(new MemorySampled("w1", 4101, rss.addAndGet(MIB), Instant.now())),
                0, 250, TimeUnit.MILLISECONDS);
        XYChart chart = robot.lookup("#memoryChart").queryAs(XYChart.class);
        waitUntil(() -> pointsOf(chart, "w1") >= 4);
        Button live = robot.lookup("#liveButton").queryButton();
        assertThat(live.isDisabled()).as("following the clock").isTrue();

        waitUntil(() -> pointsOf(chart, "w1") >= 250);
        double liveMemorySpan = chart.getYAxis().getMax() - chart.getYAxis().getMin();
        Bounds plot = chart.getCanvas().localToScreen(chart.getCanvas().getBoundsInLocal());
        double y = plot.getMinY() + plot.getHeight() / 2;
        robot.drag(new Point2D(plot.getMinX() + plot.getWidth() * 0.3, y), MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.45, y))
                .dropTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.6, y));

        waitUntil(() -> !live.isDisabled());
        double[] zoomed = {chart.getXAxis().getMin(), chart.getXAxis().getMax()};
        assertThat(zoomed[1] - zoomed[0]).as("about a third of five minutes").isBetween(60.0, 120.0);
        assertThat(chart.getYAxis().getMax() - chart.getYAxis().getMin()).as("memory fitted to the samples of the time shown")
                .isLessThan(liveMemorySpan / 2);
        int drawn = pointsOf(chart, "w1");
        waitUntil(() -> pointsOf(chart, "w1") > drawn + 2);
        assertThat(new double[] {chart.getXAxis().getMin(), chart.getXAxis().getMax()}).as("the zoomed time holds while samples come")
                .containsExactly(zoomed);

        robot.clickOn(live);
        waitUntil(() -> live.isDisabled());
        assertThat(chart.getXAxis().getMax() - chart.getXAxis().getMin()).isEqualTo(300.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(chart.getXAxis().getMax()).as("back at the present, past the zoomed time").isGreaterThan(zoomed[1]);

        double liveMax = chart.getXAxis().getMax();
        robot.press(KeyCode.CONTROL);
        try {
            robot.drag(new Point2D(plot.getMinX() + plot.getWidth() * 0.3, y), MouseButton.PRIMARY)
                    .moveTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.4, y))
                    .dropTo(new Point2D(plot.getMinX() + plot.getWidth() * 0.5, y));
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        waitUntil(() -> !live.isDisabled());
        assertThat(chart.getXAxis().getMax()).as("panned back in time").isLessThan(liveMax - 30);
        assertThat(chart.getXAxis().getMax() - chart.getXAxis().getMin()).as("by the same span").isEqualTo(300.0, org.assertj.core.data.Offset.offset(1.0));
    }

    private static Optional<Rectangle> band(FxRobot robot) {
        return robot.lookup(".job-band").queryAll().stream().map(Rectangle.class::cast).findFirst();
    }

    @Test
    void theChartDrawsOnlyWhileItsTabIsShownAndCatchesUpWhenItIs(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        XYChart chart = robot.lookup("#memoryChart").queryAs(XYChart.class);
        robot.clickOn("Jobs");
        assertThat(chart.getScene()).as("a hidden tab's content waits outside the scene").isNull();
        int whenHidden = pointsOf(chart, "w1");
        sampler.scheduleAtFixedRate(() -> deployment.emit(new MemorySampled("w1", 4101, rss.addAndGet(MIB), Instant.now())),
                0, 250, TimeUnit.MILLISECONDS);
        MemoryChartViewModel model = session.viewModel().workers().memoryChart();
        waitUntil(() -> model.frameProperty().get().lines().stream().anyMatch(line -> line.seconds().length > 10));

        assertThat(pointsOf(chart, "w1")).as("drawn on the Jobs tab").isEqualTo(whenHidden);

        robot.clickOn("Workers");

        waitUntil(() -> pointsOf(chart, "w1") > whenHidden + 10);
    }

    private static int pointsOf(XYChart chart, String worker) {
        return chart.getRenderers().stream().flatMap(renderer -> renderer.getDatasets().stream()).filter(dataset -> dataset.getName().equals(worker))
                .mapToInt(DataSet::getDataCount).findFirst().orElse(0);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
