package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static com.intellivision.console.ui.common.WindowLooks.selectedStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.ui.common.JobRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
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
 * A people count of the opening of {@code vtest.avi} on the real local pool, in the window: the frame
 * being analysed shows with its people boxed while it runs; then the busiest frame hides and shows its
 * boxes, and a click on the chart shows the frame of that moment with its people boxed.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleCountPreviewWindowTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    private ConsoleSession session;

    @Start
    void openConsole(Stage stage) {
        LocalDeployment deployment = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void theRunningCountsFrameThenTheBoxesToggleAndAClickOnTheChart(FxRobot robot) throws Exception {
        Path video = SampleVideos.vtestOpening(temp.resolve("vtest-20s.avi"), 20);
        robot.clickOn("#countKind");
        robot.clickOn("#urlField").write(video.toAbsolutePath().toString()).type(KeyCode.ENTER);

        ImageView liveImage = robot.lookup("#liveImage").queryAs(ImageView.class);
        Pane liveBoxes = robot.lookup("#liveBoxes").queryAs(Pane.class);
        waitUntil(() -> isShown(liveImage) && hasLoaded(liveImage.getImage()) && !liveBoxes.getChildren().isEmpty());
        assertThat(liveImage.getImage().getUrl()).contains(".live.").endsWith(".jpg");
        assertThat(liveImage.getImage().getWidth()).isEqualTo(768);
        assertThat(robot.lookup("#livePeople").queryAs(Label.class).getText()).endsWith("in view");

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED);
        long countId = table.getSelectionModel().getSelectedItem().id();
        ImageView frame = robot.lookup("#countImage").queryAs(ImageView.class);
        waitUntil(() -> isShown(frame) && hasLoaded(frame.getImage()));
        assertThat(isShown(liveImage)).as("the running count's frame gives way").isFalse();
        assertThat(frame.getImage().getUrl()).endsWith("/" + countId + ".png");

        robot.clickOn("#boxesToggle");
        waitUntil(() -> frame.getImage().getUrl().endsWith("/" + countId + ".clean.png") && hasLoaded(frame.getImage()));
        robot.clickOn("#boxesToggle");
        waitUntil(() -> frame.getImage().getUrl().endsWith("/" + countId + ".png"));

        NumberAxis time = robot.lookup("#timelineTime").queryAs(NumberAxis.class);
        AreaChart<?, ?> chart = robot.lookup("#timelineChart").queryAs(AreaChart.class);
        Label caption = robot.lookup("#countFrameCaption").queryAs(Label.class);
        // A sample other than the busiest, whose click shows the busiest frame again.
        int seconds = caption.getText().endsWith("00:00:10") ? 14 : 10;
        Point2D onPlot = time.localToScreen(time.getDisplayPosition(seconds), -chart.getHeight() / 3);
        robot.clickOn(onPlot);

        Pane boxes = robot.lookup("#countBoxes").queryAs(Pane.class);
        String at = String.format("At 00:00:%02d", seconds);
        waitUntil(() -> caption.getText().startsWith(at) && frame.getImage().getUrl().endsWith(".jpg")
                && hasLoaded(frame.getImage()));
        assertThat(frame.getImage().getWidth()).isEqualTo(768);
        assertThat(boxes.getChildren()).as("the sample's people, drawn over its frame").isNotEmpty();
        assertThat(isShown(robot.lookup("#busiestFrameButton").query())).isTrue();

        robot.clickOn("#busiestFrameButton");
        waitUntil(() -> frame.getImage().getUrl().endsWith("/" + countId + ".png"));
        assertThat(boxes.getChildren()).isEmpty();
    }

    private static boolean hasLoaded(Image image) {
        return image != null && image.getProgress() >= 1 && !image.isError();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
