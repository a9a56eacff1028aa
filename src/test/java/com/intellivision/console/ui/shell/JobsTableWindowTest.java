package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.jobs.JobFilter.StatusChoice;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The jobs table on the real local pool, with jobs that completed and one that failed: words and
 * filters narrow it, Esc clears them, and the rows shown export as CSV that reads back the same.
 */
@ExtendWith(ApplicationExtension.class)
class JobsTableWindowTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private ConsoleSession session;
    private Job broken;

    @Start
    void openConsole(Stage stage) throws Exception {
        LocalDeployment pool = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        Path street = TestVideos.writeFrameCodedVideo(temp.resolve("street.mp4"), 2, 25, 160, 120);
        Path lobby = TestVideos.writeFrameCodedVideo(temp.resolve("lobby.mp4"), 2, 25, 160, 120);
        Path half = Files.writeString(temp.resolve("half-copied.mp4"), "not a video yet");
        for (Path video : List.of(street, lobby)) {
            pool.awaitTerminal(pool.submit(JobRequest.frame(video.toString(), null)).id(), JOB_TIMEOUT);
        }
        broken = pool.awaitTerminal(pool.submit(JobRequest.frame(half.toString(), null)).id(), JOB_TIMEOUT);
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(pool)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void wordsAndFiltersNarrowTheTableAndEscClearsThem(FxRobot robot) throws Exception {
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(broken.status()).isEqualTo(JobStatus.FAILED);

        robot.clickOn("#searchField").write("half");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).id()).isEqualTo(broken.id());
        Label summary = robot.lookup("#filterSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().equals("1 match"));

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(summary.getText()).isEmpty();

        ComboBox<StatusChoice> status = robot.lookup("#statusFilter").queryComboBox();
        robot.interact(() -> status.setValue(StatusChoice.COMPLETED));
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(row -> row.job().status()).containsOnly(JobStatus.COMPLETED);

        robot.clickOn("#searchField").write("lobby");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).job().youtubeUrl()).endsWith("lobby.mp4");

        robot.clickOn("#searchField").write(" nothing-like-this");
        waitUntil(() -> table.getItems().isEmpty());
        assertThat(summary.getText()).isEqualTo("No job matches");
    }

    @Test
    void theRowsShownExportAsCsvThatReadsBack(FxRobot robot) throws Exception {
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        ComboBox<StatusChoice> status = robot.lookup("#statusFilter").queryComboBox();
        robot.interact(() -> status.setValue(StatusChoice.FAILED));
        waitUntil(() -> table.getItems().size() == 1);
        Path csv = temp.resolve("failed.csv");

        robot.interact(() -> session.viewModel().jobTools().export().exportShown(csv));
        waitUntil(() -> Files.exists(csv) && !session.viewModel().jobTools().export().exportingProperty().get());

        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(records).hasSize(1);
        CSVRecord row = records.get(0);
        assertThat(row.get("id")).isEqualTo(String.valueOf(broken.id()));
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("source")).isEqualTo(broken.youtubeUrl());
        assertThat(row.get("error")).isEqualTo(broken.error());
        assertThat(row.get("attempts")).isEqualTo(String.valueOf(broken.attempts()));
    }

    @Test
    void shortcutsSearchAndCopyTheSelectedJobsLink(FxRobot robot) throws Exception {
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        JobRow chosen = table.getItems().get(1);
        robot.interact(() -> {
            session.viewModel().jobList().select(table.getItems().get(0));
            session.viewModel().jobList().select(chosen);
            table.requestFocus();
        });
        assertThat(table.getSelectionModel().getSelectedItems()).as("a job chosen elsewhere is chosen alone").containsExactly(chosen);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(chosen.job().youtubeUrl());

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("lobby");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS, condition);
    }
}
