package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static com.intellivision.console.ui.common.WindowLooks.selectedStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.CatalogEditor.TypedSecrets;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import com.intellivision.console.testsupport.FakeUpload;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.JobRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with the local pool and an IntelliVision server on loopback: adding the server in the
 * dialog, switching to it, submitting there, drawing an emergency count's lines, and the controls such
 * a server lacks, hidden with their reasons.
 */
@ExtendWith(ApplicationExtension.class)
public class RemoteDeploymentWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private SavedDeployments catalog;
    private ConsoleSession session;
    private final List<String> openedLinks = new CopyOnWriteArrayList<>();

    @Start
    void openConsole(Stage stage) throws Exception {
        server = FakeIntelliVisionServer.start();
        Path data = temp.resolve("data");
        LocalDeployment local = LocalDeployment.start(PoolConfig.defaults(data).withWorkerCount(1));
        catalog = SavedDeployments.open(local, data, new OwnerOnlySecretFile(data));
        session = ConsoleSession.open(stage, catalog, openedLinks::add);
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
        server.close();
    }

    @Test
    void aServerAddedInTheDialogTakesJobsThatComplete(FxRobot robot) throws Exception {
        robot.clickOn("#addButton");
        robot.clickOn("#deploymentNameField").write("Prod");
        robot.clickOn("#deploymentUrlField").write(server.url());
        robot.clickOn("#accessTokenField").write(FakeIntelliVisionServer.ACCESS_TOKEN);
        robot.clickOn("#testButton");
        Label tested = robot.lookup("#testResult").queryAs(Label.class);
        waitUntil(() -> tested.getText().equals("Connected as ivtest"));
        robot.clickOn("#saveDeploymentButton");

        ListView<DeploymentEntry> deployments = robot.lookup("#deploymentsList").queryListView();
        waitUntil(() -> deployments.getItems().size() == 2 && deployments.getSelectionModel().getSelectedIndex() == 1);
        assertThat(deployments.getItems().get(1).nameProperty().get()).isEqualTo("Prod");
        assertThat(isShown(robot.lookup("#filmstripKind").query())).as("the server picks its own frames").isFalse();
        assertThat(isShown(robot.lookup("#analysisKind").query())).as("its other analyses").isTrue();

        robot.clickOn("#countKind");
        robot.clickOn("#urlField").write("http://127.0.0.1:9/clip.mp4");
        robot.clickOn("#submitButton");

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED);
        Label people = robot.lookup("#personCount").queryAs(Label.class);
        waitUntil(() -> isShown(people) && people.getText().equals("7 people"));
        assertThat(server.requestsTo("/api/people-count/")).hasSize(1);

        robot.clickOn(robot.lookup(".deployment-name").match(node -> ((Label) node).getText().equals("Local pool")).queryAs(Label.class));
        waitUntil(() -> table.getItems().isEmpty());
        assertThat(isShown(robot.lookup("#filmstripKind").query())).isTrue();
    }

    @Test
    void theLinesOfAnEmergencyCountAreDrawnOnAFrameAndSentInTheVideosPixels(FxRobot robot) throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("door.mp4"), 4, 25, 320, 240);
        addProd(robot);

        robot.clickOn("#analysisKind").clickOn("#analysis-emergency-count");
        robot.clickOn("#urlField").write(video.toString());
        assertThat(robot.lookup("#submitButton").queryButton().isDisabled()).as("no lines yet").isTrue();
        robot.clickOn("#drawButton");

        Pane drawing = robot.lookup("#drawing").queryAs(Pane.class);
        waitUntil(() -> isShown(drawing) && drawing.getWidth() >= 320);
        drag(robot, drawing, 20, 60, 300, 60);
        drag(robot, drawing, 20, 180, 300, 180);
        waitUntil(() -> !robot.lookup("#useRegionsButton").queryButton().isDisabled());
        robot.clickOn("#useRegionsButton");
        assertThat(robot.lookup("#regionsSummary").queryAs(Label.class).getText()).isEqualTo("2 lines drawn");
        robot.clickOn("#submitButton");

        waitUntil(() -> !server.requestsTo("/api/emergency-count/").isEmpty());
        RecordedRequest sent = server.requestsTo("/api/emergency-count/").get(0);
        FakeUpload upload = FakeUpload.of(sent);
        assertThat(upload.fileName()).isEqualTo("door.mp4");
        JsonNode lines = upload.json("emergency_lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("start_y").asDouble()).isCloseTo(60, offset(2.0));
        assertThat(lines.get(1).get("end_x").asDouble()).isCloseTo(300, offset(2.0));
        assertThat(upload.number("video_width")).isEqualTo(320);
        assertThat(upload.number("video_height")).isEqualTo(240);
    }

    @Test
    void anAnalysisOutputVideoOpensOutsideTheConsole(FxRobot robot) throws Exception {
        addProd(robot);
        robot.clickOn("#analysisKind").clickOn("#analysis-wildlife-detection");
        robot.clickOn("#urlField").write("http://127.0.0.1:9/deer.mp4");
        robot.clickOn("#submitButton");

        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED);
        Hyperlink video = robot.lookup("#outputVideo").queryAs(Hyperlink.class);
        waitUntil(() -> isShown(video));
        robot.clickOn(video);

        waitUntil(() -> !openedLinks.isEmpty());
        assertThat(openedLinks).containsExactly(server.url() + "/api/media/outputs/wildlife-detection_1.mp4");
    }

    @Test
    void whatTheServerCannotDoIsHiddenWithItsReason(FxRobot robot) throws Exception {
        addProd(robot);

        assertThat(isShown(robot.lookup("#workersSpinner").query())).isFalse();
        Label poolNote = robot.lookup("#poolNote").queryAs(Label.class);
        assertThat(isShown(poolNote)).isTrue();
        assertThat(poolNote.getTooltip().getText()).isEqualTo("The server's Celery workers decide how many jobs run at once.");
        assertThat(isShown(robot.lookup("#retryAllButton").query())).isFalse();
        assertThat(robot.lookup("#bulkNote").queryAs(Label.class).getTooltip().getText()).contains("one by one");

        robot.clickOn("Workers");
        Label reason = robot.lookup("#unavailableReason").queryAs(Label.class);
        waitUntil(() -> isShown(reason));
        assertThat(reason.getText()).contains("does not report its workers").contains("Flower");
    }

    @Test
    void aServerThatGoesAwayIsSaidToBeUnreachableWhileItsJobsStayInView(FxRobot robot) throws Exception {
        addProd(robot);
        robot.clickOn("#countKind");
        robot.clickOn("#urlField").write("http://127.0.0.1:9/stay.mp4");
        robot.clickOn("#submitButton");
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        waitUntil(() -> selectedStatus(table) == JobStatus.PROCESSING);

        server.stop();

        Label banner = robot.lookup("#connectionNotice").queryAs(Label.class);
        waitUntil(() -> isShown(banner) && banner.getText().contains("is unreachable"));
        assertThat(banner.getText()).contains("last seen at");
        assertThat(table.getItems()).hasSize(1);
    }

    /** Saves the server as a deployment, then picks it in the list. */
    private void addProd(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {});
        var saved = catalog.add(DeploymentSettings.create("Prod", DeploymentKind.INTELLIVISION, server.url()),
                new TypedSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, null, null));
        robot.interact(() -> session.viewModel().deploymentEdits().saved(saved));
        ListView<DeploymentEntry> deployments = robot.lookup("#deploymentsList").queryListView();
        waitUntil(() -> deployments.getSelectionModel().getSelectedIndex() == 1);
    }

    private static void drag(FxRobot robot, Node on, double fromX, double fromY, double toX, double toY) {
        Bounds screen = on.localToScreen(on.getBoundsInLocal());
        robot.moveTo(new Point2D(screen.getMinX() + fromX, screen.getMinY() + fromY)).press(MouseButton.PRIMARY)
                .moveTo(new Point2D(screen.getMinX() + (fromX + toX) / 2, screen.getMinY() + (fromY + toY) / 2))
                .moveTo(new Point2D(screen.getMinX() + toX, screen.getMinY() + toY)).release(MouseButton.PRIMARY);
    }



    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
