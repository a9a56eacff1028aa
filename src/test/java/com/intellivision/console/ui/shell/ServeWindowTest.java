package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.WindowLooks.isShown;
import static com.intellivision.console.ui.common.WindowLooks.selectedStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.deployment.settings.SettingsFile;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.workers.WorkerRow;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
 * The window with the local pool and a real {@code serve} on loopback: the serve added in the dialog is
 * recognised as one, takes a frame that is previewed, and its Workers tab shows its worker and draws
 * its memory, live, as for the window's own pool.
 */
@ExtendWith(ApplicationExtension.class)
public class ServeWindowTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private LoopbackHttpServer videos;
    private ServeProcess serve;
    private ConsoleSession session;

    @Start
    void openConsole(Stage stage) throws Exception {
        videos = LoopbackHttpServer.servingClip(temp.resolve("videos"));
        serve = ServeProcess.start(temp.resolve("serve"), "--allow-private-urls");
        Path data = temp.resolve("data");
        LocalDeployment local = LocalDeployment.start(PoolConfig.defaults(data).withWorkerCount(1));
        session = ConsoleSession.open(stage, SavedDeployments.open(local, data, new OwnerOnlySecretFile(data)), link -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) throws Exception {
        robot.interact(session::closeView);
        session.closeDeployment();
        serve.close();
        videos.close();
    }

    @Test
    void aServeAddedInTheDialogIsWatchedAsTheWindowsOwnPoolIs(FxRobot robot) throws Exception {
        robot.clickOn("#addButton");
        robot.clickOn("#deploymentNameField").write("Lab");
        robot.clickOn("#deploymentUrlField").write(serve.url());
        robot.clickOn("#accessTokenField").write(serve.token());
        robot.clickOn("#testButton");
        Label tested = robot.lookup("#testResult").queryAs(Label.class);
        waitUntil(() -> tested.getText().equals("Connected to a console's serve with 1 worker"));
        robot.clickOn("#saveDeploymentButton");

        ListView<DeploymentEntry> deployments = robot.lookup("#deploymentsList").queryListView();
        waitUntil(() -> deployments.getItems().size() == 2 && deployments.getSelectionModel().getSelectedIndex() == 1);
        assertThat(new SettingsFile(temp.resolve("data")).findByName("Lab").orElseThrow().kind()).isEqualTo(DeploymentKind.CONSOLE_SERVE);
        assertThat(isShown(robot.lookup("#filmstripKind").query())).as("a serve picks its own frames").isFalse();
        assertThat(isShown(robot.lookup("#workersSpinner").query())).as("its pool can be resized").isTrue();
        assertThat(isShown(robot.lookup("#retryAllButton").query())).as("its bulk actions").isTrue();

        robot.clickOn("#urlField").write(videos.url("/clip.mp4"));
        robot.clickOn("#submitButton");
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        ImageView preview = robot.lookup("#framePreview").queryAs(ImageView.class);
        waitUntil(() -> selectedStatus(table) == JobStatus.COMPLETED && isShown(preview) && preview.getImage() != null
                && preview.getImage().getProgress() >= 1 && !preview.getImage().isError());
        assertThat(preview.getImage().getWidth()).isPositive();

        robot.clickOn("Workers");
        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        waitUntil(() -> workers.getItems().size() == 1 && workers.getItems().get(0).rssBytes() > 0);
        XYChart chart = robot.lookup("#memoryChart").queryAs(XYChart.class);
        int drawn = pointsOf(chart);
        waitUntil(() -> chart.getRenderers().get(0).getDatasets().size() == 1 && pointsOf(chart) > Math.max(drawn, 2));
        assertThat(chart.getRenderers().get(0).getDatasets().get(0).getName()).isEqualTo("w1");
        assertThat(robot.lookup(".machine-memory").queryAs(Label.class).getText()).as("a serve does not say").contains("not reported");
    }

    private static int pointsOf(XYChart chart) {
        List<DataSet> lines = chart.getRenderers().get(0).getDatasets();
        return lines.isEmpty() ? 0 : lines.get(0).getDataCount();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
