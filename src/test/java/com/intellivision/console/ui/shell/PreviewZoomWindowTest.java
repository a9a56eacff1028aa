package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
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
 * A frame larger than the pane, on the real local pool: fitted at first, then zoomed in with the
 * button, shown at actual pixels with Ctrl+1, panned with a drag, and fitted again with the button.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewZoomWindowTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final long JOB_TIMEOUT_SECONDS = 60;

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
    void theFrameZoomsShowsActualPixelsPansAndFitsAgain(FxRobot robot) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("wide.mp4"), 2, 25, WIDTH, HEIGHT);
        robot.clickOn("#urlField").write(video.toAbsolutePath().toString());
        robot.clickOn("#submitButton");

        ImageView frame = robot.lookup("#framePreview").queryAs(ImageView.class);
        waitUntil(() -> isShown(frame) && hasLoaded(frame.getImage()) && frame.getViewport() != null);
        Node face = robot.lookup("#frameFace").query();
        Region holder = robot.lookup("#imageHolder").queryAs(Region.class);
        Label level = robot.from(face).lookup(".zoom-level").queryAs(Label.class);
        double paneWidth = holder.getWidth();
        double paneHeight = holder.getHeight();
        double fit = Math.min(paneWidth / WIDTH, paneHeight / HEIGHT);
        assertThat(fit).as("the pane is smaller than the frame").isLessThan(1);

        assertThat(frame.getViewport()).isEqualTo(new Rectangle2D(0, 0, WIDTH, HEIGHT));
        assertThat(frame.getFitWidth()).isCloseTo(WIDTH * fit, within(0.5));
        assertThat(level.getText()).isEqualTo(Math.round(fit * 100) + " %");

        robot.clickOn(robot.from(face).lookup("#zoomInButton").queryButton());
        double zoomed = fit * 1.25;
        assertThat(frame.getFitWidth() / frame.getViewport().getWidth()).isCloseTo(zoomed, within(1e-6));
        assertThat(level.getText()).isEqualTo(Math.round(zoomed * 100) + " %");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        Rectangle2D actual = frame.getViewport();
        assertThat(level.getText()).isEqualTo("100 %");
        assertThat(actual.getWidth()).isCloseTo(Math.min(WIDTH, paneWidth), within(1e-6));
        assertThat(actual.getHeight()).isCloseTo(Math.min(HEIGHT, paneHeight), within(1e-6));
        assertThat(frame.getFitWidth()).isCloseTo(actual.getWidth(), within(1e-6));
        assertThat(actual.getMinX() + actual.getWidth() / 2).as("centred as it was").isCloseTo(WIDTH / 2.0, within(1.0));

        robot.drag(holder).dropBy(60, 0);
        assertThat(frame.getViewport().getMinX()).as("the image follows the pointer").isCloseTo(actual.getMinX() - 60, within(2.0));

        robot.clickOn(robot.from(face).lookup("#fitButton").queryButton());
        assertThat(frame.getViewport()).isEqualTo(new Rectangle2D(0, 0, WIDTH, HEIGHT));
        assertThat(level.getText()).isEqualTo(Math.round(fit * 100) + " %");
    }

    private static boolean hasLoaded(Image image) {
        return image != null && image.getProgress() >= 1 && !image.isError();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
