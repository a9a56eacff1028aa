package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.JobRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What keeps the window cheap to draw while a busy pool reports to it. JavaFX repaints the whole window
 * when a pulse changes nodes that leave nothing to repaint: nodes of a hidden tab, or a row the jobs
 * table adds only to measure rows by and takes away again. So hidden tabs wait outside the scene, and
 * the jobs table's rows have one fixed height, which every row's content must fit.
 */
@ExtendWith(ApplicationExtension.class)
class WindowRepaintsTest {

    private final FakeDeployment deployment = new FakeDeployment();
    private ConsoleSession session;

    @Start
    void openConsole(Stage stage) {
        Instant now = Instant.now();
        List<Job> jobs = new ArrayList<>();
        long id = 1;
        for (JobStatus status : JobStatus.values()) {
            for (JobType type : JobType.values()) {
                jobs.add(new Job(id++, type, status, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=" + id, JobJson.mapper().createObjectNode(),
                        null, null, status == JobStatus.FAILED ? "The video could not be opened: it does not exist." : null, 1, 0,
                        status == JobStatus.FAILED, now, now));
            }
        }
        deployment.recentJobs = jobs;
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void aHiddenTabsContentWaitsOutsideTheSceneAndComesBackUpToDate(FxRobot robot) throws Exception {
        robot.clickOn("Workers");
        TableView<?> workers = robot.lookup("#workersTable").queryTableView();
        Node workersContent = HeadlessConsole.onFx(() -> ancestorTab(workers));
        robot.clickOn("Jobs");
        assertThat(workers.getScene()).as("the Workers tab's table while the Jobs tab shows").isNull();
        assertThat(workersContent.getScene()).isNull();

        deployment.emit(new WorkerChanged(WorkerInfo.single("w7", 4107, WorkerState.BUSY, 1L, 0, 0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> HeadlessConsole.onFx(() -> workers.getItems().size() == 1));
        assertThat(workers.getScene()).as("a change while hidden leaves it outside").isNull();

        robot.clickOn("Workers");
        assertThat(workers.getScene()).isNotNull();
        assertThat(robot.lookup(node -> node instanceof Labeled label && "w7".equals(label.getText())).tryQuery()).as("the worker that came while the tab was hidden").isPresent();
    }

    @Test
    void everyJobsRowFitsTheTablesFixedRowHeight(FxRobot robot) throws Exception {
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> HeadlessConsole.onFx(() -> table.getItems().size() == deployment.recentJobs.size()));
        deployment.emit(new JobProgress(deployment.recentJobs.stream().filter(job -> job.status() == JobStatus.PROCESSING).findFirst().orElseThrow().id(),
                42, "Counting people"));
        WaitForAsyncUtils.waitForFxEvents();

        double fixed = table.getFixedCellSize();
        assertThat(fixed).as("the stylesheet's fixed row height").isGreaterThan(0);
        List<Double> wanted = HeadlessConsole.onFx(() -> {
            List<Double> heights = new ArrayList<>();
            for (Node row : table.lookupAll(".table-row-cell")) {
                if (row instanceof TableRow<?> tableRow && !tableRow.isEmpty()) {
                    for (Node cell : ((Parent) tableRow).getChildrenUnmodifiable()) {
                        heights.add(cell.prefHeight(tableRow.getWidth()));
                    }
                }
            }
            return heights;
        });
        assertThat(wanted).as("the cells of the rows shown").hasSizeGreaterThan(JobStatus.values().length);
        assertThat(wanted).as("the height each cell would take").allSatisfy(height -> assertThat(height).isLessThanOrEqualTo(fixed));
    }

    private static Node ancestorTab(Node node) {
        Node content = node;
        while (content.getParent() != null && !content.getParent().getStyleClass().contains("tab-content-area")) {
            content = content.getParent();
        }
        return content;
    }
}
