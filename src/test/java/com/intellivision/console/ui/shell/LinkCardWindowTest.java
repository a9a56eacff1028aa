package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static com.intellivision.console.ui.common.WindowLooks.selectedStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.app.LocalLinkPreview;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.common.JobRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
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
 * A link pasted into the window of the real local pool is looked up at once and shown as a card; Enter
 * right after makes a frame job that starts from that lookup. The pool's yt-dlp is a stand-in (a shell
 * script that notes each run and who started it) that answers for a YouTube link with a video file made here, so no
 * network is used; a link it does not know gets yt-dlp's own "private video" error.
 */
@ExtendWith(ApplicationExtension.class)
class LinkCardWindowTest {

    private static final String LINK = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String PRIVATE_LINK = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path temp;

    private ConsoleSession session;
    private Path runs;

    @Start
    void openConsole(Stage stage) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("courtyard.mp4"), 4, 25, 320, 240);
        runs = temp.resolve("runs");
        Files.deleteIfExists(runs);
        Path program = temp.resolve("yt-dlp");
        Files.writeString(program, "#!/bin/sh\necho \"run by $PPID\" >> " + runs + "\n"
                + "for last; do :; done\n"
                + "if [ \"$last\" != \"" + LINK + "\" ]; then echo 'ERROR: [youtube] aqz-KE-bpKQ: Private video. Sign in if you have been granted access' >&2; exit 1; fi\n"
                + "echo '{\"url\": \"" + video + "\", \"title\": \"Courtyard at noon\", \"channel\": \"Courtyard Cams\", \"duration\": 4,"
                + " \"width\": 320, \"height\": 240, \"vcodec\": \"avc1.42c00d\", \"ext\": \"mp4\", \"formats\": [{\"format_id\": \"sb0\","
                + " \"format_note\": \"storyboard\", \"columns\": 2, \"rows\": 2, \"width\": 48, \"height\": 27, \"fps\": 1,"
                + " \"fragments\": [{\"url\": \"http://127.0.0.1:9/sb0.jpg\", \"duration\": 4}]}]}'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool-" + System.nanoTime())).withWorkerCount(1).withYtDlpCommand(program.toString());
        LocalDeployment deployment = LocalDeployment.start(config, new LocalLinkPreview(config));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(deployment)), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void aPastedLinkShowsItsCardAndASubmitRightAfterResolvesItOnce(FxRobot robot) throws Exception {
        robot.clickOn("#urlField");
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(LINK));
        robot.type(KeyCode.ENTER);

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED || selectedStatus(table) == JobStatus.FAILED);
        assertThat(table.getSelectionModel().getSelectedItem().job().error()).isNull();
        assertThat(Files.readAllLines(runs)).as("yt-dlp ran once, for the card, in the console; the job's worker started from that")
                .containsExactly("run by " + ProcessHandle.current().pid());

        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(LINK));
        waitUntil(() -> isShown(robot.lookup("#linkFound").query()));
        assertThat(text(robot, "#linkTitle")).isEqualTo("Courtyard at noon");
        assertThat(text(robot, "#linkAbout")).isEqualTo("Courtyard Cams · 0:04");
        assertThat(text(robot, "#linkStream")).isEqualTo("Reads 320×240 H.264, mp4 from this machine");
        assertThat(Files.readAllLines(runs)).as("looked up again from what the pool keeps").hasSize(1);
    }

    @Test
    void theCardsScrubBarPicksTheMomentOfTheFrame(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(LINK));
        waitUntil(() -> isShown(robot.lookup("#linkScrub").query()));
        Slider scrub = robot.lookup("#linkScrub").queryAs(Slider.class);
        assertThat(scrub.getMax()).as("the storyboard's length").isEqualTo(4.0);

        robot.interact(() -> scrub.setValue(2.04));
        assertThat(robot.lookup("#timestampField").queryTextInputControl().getText()).isEqualTo("00:00:02");
        robot.clickOn("#urlField").type(KeyCode.ENTER);

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED || selectedStatus(table) == JobStatus.FAILED);
        assertThat(table.getSelectionModel().getSelectedItem().job().error()).isNull();
        assertThat(TestVideos.frameNumberOf(Path.of(table.getSelectionModel().getSelectedItem().job().outputImage())))
                .as("the frame at 2 s of 25 frames a second").isEqualTo(50);
    }

    @Test
    void aLinkThatCannotBeUsedSaysWhyBeforeAnyJobExists(FxRobot robot) throws Exception {
        robot.clickOn("#urlField");
        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().setText(PRIVATE_LINK));

        waitUntil(() -> isShown(robot.lookup("#linkProblem").query()));
        assertThat(text(robot, "#linkProblem")).startsWith("The video is private: " + PRIVATE_LINK);
        assertThat(robot.lookup("#jobsTable").queryTableView().getItems()).isEmpty();

        robot.interact(() -> robot.lookup("#urlField").queryTextInputControl().appendText("&"));
        assertThat(isShown(robot.lookup("#linkCard").query())).as("the card goes while the link is typed on").isFalse();
        waitUntil(() -> isShown(robot.lookup("#linkProblem").query()));
        assertThat(text(robot, "#linkProblem")).as("once the typing pauses").startsWith("The video is private: " + PRIVATE_LINK + "&");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
