package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static com.intellivision.console.ui.common.WindowLooks.selectedStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.StatusBadge;
import com.intellivision.console.ui.workers.WorkerRow;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
 * The whole window on the real local pool: a person types a path and a timestamp, presses Submit, and
 * sees the frame, or the job's error when the path is wrong; asks for a filmstrip or a people count; cancels a job that hangs, retries one that
 * failed, and watches the workers.
 */
@ExtendWith(ApplicationExtension.class)
public class ConsoleWindowTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final long JOB_TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private ConsoleSession session;
    private LoopbackHttpServer server;

    @Start
    void openConsole(Stage stage) {
        LocalDeployment deployment = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheExtractedFrameOfALocalVideo(FxRobot robot) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 4, 25, WIDTH, HEIGHT);

        robot.clickOn("#urlField").write(video.toAbsolutePath().toString());
        robot.clickOn("#timestampField").write("2");
        robot.clickOn("#submitButton");

        ImageView preview = robot.lookup("#framePreview").queryAs(ImageView.class);
        waitUntil(() -> isShown(preview) && hasLoaded(preview.getImage()));
        assertThat(preview.getImage().getWidth()).isEqualTo(WIDTH);
        assertThat(preview.getImage().getHeight()).isEqualTo(HEIGHT);

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getSelectionModel().getSelectedItem().job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(robot.lookup("#urlField").queryAs(TextField.class).getText()).as("ready for the next URL").isEmpty();
    }

    @Test
    void aFilmstripShowsItsFramesAsThumbnailsAndAClickShowsOneLarge(FxRobot robot) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("strip.mp4"), 4, 25, WIDTH, HEIGHT);

        robot.clickOn("#filmstripKind");
        assertThat(isShown(robot.lookup("#timestampField").query())).as("a filmstrip has no timestamp").isFalse();
        Spinner<Integer> count = robot.lookup("#filmstripCount").queryAs(Spinner.class);
        robot.interact(() -> count.getValueFactory().setValue(4));
        robot.clickOn("#urlField").write(video.toAbsolutePath().toString()).type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup(".filmstrip-frame").queryAll().size() == 4
                && robot.lookup(".filmstrip-frame").queryAll().stream().allMatch(ConsoleWindowTest::thumbnailLoaded));
        ImageView preview = robot.lookup("#framePreview").queryAs(ImageView.class);
        waitUntil(() -> isShown(preview) && hasLoaded(preview.getImage()));
        assertThat(preview.getImage().getUrl()).endsWith(".0.jpg");

        Node third = robot.lookup(".filmstrip-frame").queryAll().toArray(Node[]::new)[2];
        robot.clickOn(third);
        waitUntil(() -> preview.getImage().getUrl().endsWith(".2.jpg") && hasLoaded(preview.getImage()));
        assertThat(robot.lookup("#frameDetails").queryAs(Label.class).getText()).startsWith("frame 3 of 4");
    }

    @Test
    void aPeopleCountOfAVideoWithoutPeopleSaysSo(FxRobot robot) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("empty.mp4"), 2, 25, WIDTH, HEIGHT);

        robot.clickOn("#countKind");
        assertThat(robot.lookup("#countFps").queryAs(TextField.class).getText()).isEqualTo("2");
        robot.clickOn("#urlField").write(video.toAbsolutePath().toString()).type(KeyCode.ENTER);

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED || selectedStatus(table) == JobStatus.FAILED);
        assertThat(table.getSelectionModel().getSelectedItem().job().error()).isNull();
        Label people = robot.lookup("#personCount").queryAs(Label.class);
        waitUntil(() -> isShown(people));
        assertThat(people.getText()).isEqualTo("0 people");
        ImageView annotated = robot.lookup("#countImage").queryAs(ImageView.class);
        waitUntil(() -> hasLoaded(annotated.getImage()));
        AreaChart<?, ?> timeline = robot.lookup("#timelineChart").queryAs(AreaChart.class);
        waitUntil(() -> !timeline.getData().get(0).getData().isEmpty());
    }

    @Test
    void whatCannotBeAVideoIsRefusedInTheFieldAndNoJobIsMade(FxRobot robot) throws Exception {
        Path missing = temp.resolve("no-such-video.mp4").toAbsolutePath();
        Label problem = robot.lookup(".form-problem").queryAs(Label.class);

        // Enter in the URL field submits, as Submit is the default button; here there is nothing to submit.
        robot.clickOn("#urlField").write("not a url at all").type(KeyCode.ENTER);
        assertThat(problem.getText()).startsWith("'not a url at all' is neither a link nor the path of a file.");

        robot.clickOn("#urlField").eraseText("not a url at all".length()).write(missing.toString()).type(KeyCode.ENTER);
        waitUntil(() -> problem.getText().equals("There is no file at " + missing + ". Check the path, or choose the file."));

        assertThat(isShown(problem)).isTrue();
        assertThat(robot.lookup("#submitButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#jobsTable").queryTableView().getItems()).as("no job was made").isEmpty();
    }

    @Test
    void aBadTimestampIsExplainedAndCannotBeSubmitted(FxRobot robot) {
        robot.clickOn("#urlField").write("https://youtu.be/abcxxxxxxxx");
        robot.clickOn("#timestampField").write("1:75");

        assertThat(robot.lookup("#submitButton").queryButton().isDisabled()).isTrue();
        Label problem = robot.lookup(".form-problem").queryAs(Label.class);
        assertThat(isShown(problem)).isTrue();
        assertThat(problem.getText()).contains("'1:75' is not a timestamp");
    }

    @Test
    void aRunningJobIsCancelledFromThePreview(FxRobot robot) throws Exception {
        server = LoopbackHttpServer.serving(temp);
        robot.clickOn("#urlField").write(server.url(LoopbackHttpServer.STALLING_VIDEO)).type(KeyCode.ENTER);

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.PROCESSING);
        Button cancel = robot.lookup("#cancelButton").queryButton();
        assertThat(cancel.isDisabled()).isFalse();

        robot.clickOn(cancel);
        assertThat(table.getSelectionModel().getSelectedItem().statusProperty().get().text())
                .as("while the worker stops").isIn(StatusBadge.CANCELLING, "Cancelled");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> selectedStatus(table) == JobStatus.CANCELLED);

        // The cancel call itself may answer a moment after the job's change arrives.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, cancel::isDisabled);
        Button retry = robot.lookup("#retryButton").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !retry.isDisabled());
        assertThat(retry.isDisabled()).isFalse();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).isEqualTo("This job was cancelled.");
    }

    @Test
    void aFailedJobIsRetriedOnceItsFileIsAVideo(FxRobot robot) throws Exception {
        Path late = Files.writeString(temp.resolve("late.mp4").toAbsolutePath(), "still being copied");
        robot.clickOn("#urlField").write(late.toString());
        waitUntil(() -> !robot.lookup("#submitButton").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.FAILED);
        TestVideos.writeFrameCodedVideo(late, 4, 25, WIDTH, HEIGHT);

        robot.clickOn("#retryButton");

        ImageView preview = robot.lookup("#framePreview").queryAs(ImageView.class);
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED && isShown(preview) && hasLoaded(preview.getImage()));
        VBox attempts = robot.lookup("#attemptsList").queryAs(VBox.class);
        waitUntil(() -> attempts.getChildren().size() == 2);
        assertThat(robot.lookup(".attempt-error").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup("#retryButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theWorkersTabShowsTheWorkerAndDrawsItsMemory(FxRobot robot) throws Exception {
        robot.clickOn("Workers");

        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        waitUntil(() -> workers.getItems().size() == 1 && workers.getItems().get(0).rssBytes() > 0);
        XYChart chart = robot.lookup("#memoryChart").queryAs(XYChart.class);
        waitUntil(() -> chart.getRenderers().get(0).getDatasets().size() == 1 && chart.getRenderers().get(0).getDatasets().get(0).getDataCount() >= 2);
        assertThat(chart.getRenderers().get(0).getDatasets().get(0).getName()).isEqualTo("w1");
        assertThat(robot.lookup(".machine-memory").queryAs(Label.class).getText()).as("the local machine's, through OSHI").contains("GiB total");
        assertThat(chart.getPlugins()).as("the pool's limits").filteredOn(YValueIndicator.class::isInstance).hasSize(2);
        assertThat(isShown(robot.lookup("#workersSpinner").query())).isTrue();
    }



    private static boolean thumbnailLoaded(Node frame) {
        return hasLoaded(((ImageView) ((VBox) frame).getChildren().get(0)).getImage());
    }

    private static boolean hasLoaded(Image image) {
        return image != null && image.getProgress() >= 1 && !image.isError();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
