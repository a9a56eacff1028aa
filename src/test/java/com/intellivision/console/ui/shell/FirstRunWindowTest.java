package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.app.LocalFirstRunHelp;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.ui.common.JobRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on an empty local pool, as at a first run: the guide stands in for the jobs table, says
 * whether yt-dlp is there, makes a real sample video whose path lands in the field, and goes once
 * Enter has made a job of it.
 */
@ExtendWith(ApplicationExtension.class)
public class FirstRunWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private ConsoleSession session;

    @Start
    void openConsole(Stage stage) {
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1);
        LocalDeployment deployment = LocalDeployment.start(config, null, new LocalFirstRunHelp(config));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void theGuideShowsOnAnEmptyPoolMakesASampleVideoAndGoesAtTheFirstJob(FxRobot robot) throws Exception {
        Node guide = robot.lookup(".first-run-guide").query();
        Node jobs = robot.lookup(".jobs-pane").query();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> isShown(guide));
        assertThat(isShown(jobs)).as("the empty table, in the guide's place").isFalse();

        Label ytDlp = robot.lookup(".first-run-yt-dlp").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !ytDlp.getText().isEmpty() && !ytDlp.getText().startsWith("Checking"));
        assertThat(ytDlp.getText()).as("what the check found").contains("yt-dlp");

        robot.clickOn(".first-run-sample-button");
        TextField url = robot.lookup("#urlField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> url.getText().endsWith(".mp4"));
        Path video = Path.of(url.getText());
        assertThat(video).isAbsolute().exists().startsWith(temp.resolve("pool"));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(640);
            assertThat(grabber.getLengthInTime() / 1e6).as("seconds").isBetween(7.5, 8.5);
        }
        assertThat(Files.size(video)).isGreaterThan(10_000);
        assertThat(robot.lookup(".first-run-note").queryAs(Label.class).getText()).startsWith("Made ");
        assertThat(isShown(guide)).as("no job yet").isTrue();

        assertThat(url.isFocused()).as("the field, where Enter submits").isTrue();
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !isShown(guide) && isShown(jobs));
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        assertThat(table.getItems()).extracting(row -> row.job().youtubeUrl()).containsExactly(video.toString());
    }
}
