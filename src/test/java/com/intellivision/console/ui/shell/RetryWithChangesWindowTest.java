package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.common.JobRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Retrying a failed frame with another video and time, in the window on the real local pool: the
 * dialog refuses a time that cannot be read, the new job is selected, linked to the old one in the
 * table and the details, and each link selects the other job.
 */
@ExtendWith(ApplicationExtension.class)
class RetryWithChangesWindowTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private ConsoleSession session;
    private LocalDeployment pool;
    private Job failed;
    private Path video;

    @Start
    void openConsole(Stage stage) throws Exception {
        pool = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        video = TestVideos.writeFrameCodedVideo(temp.resolve("harbour.mp4"), 3, 25, 160, 120);
        failed = pool.awaitTerminal(pool.submit(JobRequest.frame(temp.resolve("moved-away.mp4").toString(), FrameParams.at(1.0))).id(),
                JOB_TIMEOUT);
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(pool)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void aFailedFrameRetriedWithAnotherVideoAndTimeIsANewJobLinkedToIt(FxRobot robot) throws Exception {
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1);
        robot.interact(() -> {
            session.viewModel().jobList().select(table.getItems().get(0));
            table.requestFocus();
        });
        Button toolbarButton = robot.lookup("#retryWithChangesButton").queryButton();
        assertThat(toolbarButton.isDisabled()).isFalse();
        assertThat(toolbarButton.getTooltip().getText()).endsWith("(Ctrl+Alt+R)");

        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#retryUrlField").tryQuery().isPresent());
        TextField url = robot.lookup("#retryUrlField").queryAs(TextField.class);
        TextField time = robot.lookup("#retryTimeField").queryAs(TextField.class);
        Button retry = robot.lookup("#retryEditOkButton").queryButton();
        assertThat(url.getText()).isEqualTo(failed.youtubeUrl());
        assertThat(time.getText()).isEqualTo("00:00:01");

        robot.interact(() -> time.setText("1:75"));
        Label timeError = robot.lookup("#retryTimeError").queryAs(Label.class);
        assertThat(timeError.isVisible()).isTrue();
        assertThat(timeError.getText()).startsWith("'1:75' is not a timestamp");
        assertThat(retry.isDisabled()).isTrue();

        robot.interact(() -> {
            time.setText("2");
            url.setText(video.toString());
        });
        assertThat(timeError.isVisible()).isFalse();
        robot.clickOn(retry);

        waitUntil(() -> robot.lookup("#retryUrlField").tryQuery().isEmpty());
        waitUntil(() -> table.getItems().size() == 2);
        JobRow selected = table.getSelectionModel().getSelectedItem();
        assertThat(selected.id()).isNotEqualTo(failed.id());
        assertThat(selected.job().retryOf()).isEqualTo(failed.id());
        waitUntil(() -> selected.job().status() == JobStatus.COMPLETED);
        assertThat(selected.job().results().path("timestamp").asDouble()).isBetween(1.9, 2.1);
        assertThat(pool.job(failed.id())).contains(failed);

        Hyperlink retryOf = robot.lookup("#retryOfLink").queryAs(Hyperlink.class);
        assertThat(retryOf.getText()).isEqualTo("Retry of #" + failed.id());
        robot.clickOn(retryOf);
        waitUntil(() -> table.getSelectionModel().getSelectedItem().id() == failed.id());
        waitUntil(() -> robot.lookup("#retriedAsLink" + selected.id()).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#retriedAsLink" + selected.id()).queryAs(Hyperlink.class).getText()).isEqualTo("Retried as #" + selected.id());

        robot.clickOn("#retriedAsLink" + selected.id());
        waitUntil(() -> table.getSelectionModel().getSelectedItem().id() == selected.id());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS, condition);
    }
}
