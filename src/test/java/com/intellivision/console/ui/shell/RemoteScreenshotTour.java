package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.CatalogEditor.TypedSecrets;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.FakeFlower;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.workers.WorkerRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;

/**
 * The README's screenshots of remote deployments, taken of the real window (not a test), in the light
 * theme: the console on a catalog of the local pool, the test suite's stand-in IntelliVision server
 * with its Flower ("Production"), a real {@code serve} process ("Lab PC") and a stand-in server that
 * has been stopped, its port closed ("Staging"), all on the loopback, driven to each state with real
 * jobs. Needs a display (Xvfb will do) and ImageMagick:
 * <pre>DISPLAY=:99 mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.ui.shell.RemoteScreenshotTour</pre>
 * The shots go to {@code packaging/screenshots}, replacing those of the same name.
 */
public final class RemoteScreenshotTour {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STATE_TIMEOUT = Duration.ofMinutes(2);
    /** The fake's links choose their outcome: "fail" fails with a traceback, "stay" keeps running. */
    private static final String CAMERAS = "http://127.0.0.1:9/cameras/";

    private final TourWindow window;
    private final FxRobot robot;
    private final Deployment production;
    private final Deployment lab;
    private final Deployment staging;
    private final String labVideo;
    private final String labToken;
    private final String labUrl;
    /** A video the serve is sent to that is not there, so one job fails. */
    private final String labMissing;

    private RemoteScreenshotTour(TourWindow window, Deployment production, Deployment lab, Deployment staging,
            LoopbackHttpServer videos, ServeProcess serve) throws Exception {
        this.window = window;
        this.robot = window.robot();
        this.production = production;
        this.lab = lab;
        this.staging = staging;
        this.labVideo = videos.url("/vtest.avi");
        this.labMissing = videos.url("/vtest-2.avi");
        this.labToken = serve.token();
        this.labUrl = serve.url();
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("packaging/screenshots"));
        // Short, since the deployment dialog names the secrets file in it.
        Path data = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ivtour-" + ProcessHandle.current().pid()));
        Path media = Files.createDirectories(data.resolve("media"));
        Files.copy(SampleVideos.VTEST, media.resolve("vtest.avi"));
        try (LoopbackHttpServer videos = LoopbackHttpServer.serving(media);
                FakeIntelliVisionServer server = FakeIntelliVisionServer.start();
                FakeFlower flower = FakeFlower.start(server);
                FakeIntelliVisionServer stagingServer = FakeIntelliVisionServer.start();
                ServeProcess serve = ServeProcess.start(data.resolve("serve"), "--allow-private-urls")) {
            LocalDeployment pool = LocalDeployment.start(PoolConfig.defaults(data.resolve("pool")).withWorkerCount(1));
            SavedDeployments catalog = SavedDeployments.open(pool, data, new OwnerOnlySecretFile(data));
            Deployment production = catalog.add(DeploymentSettings.create("Production", DeploymentKind.INTELLIVISION, server.url())
                            .withFlowerUrl(flower.url()).withFlowerUser(FakeFlower.USER),
                    new TypedSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN, FakeFlower.PASSWORD));
            Deployment lab = catalog.add(DeploymentSettings.create("Lab PC", DeploymentKind.INTELLIVISION, serve.url()),
                    new TypedSecrets(serve.token(), null, null));
            Deployment staging = catalog.add(DeploymentSettings.create("Staging", DeploymentKind.INTELLIVISION, stagingServer.url()),
                    new TypedSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, null, null));
            lab.poolControl().orElseThrow(() -> new IllegalStateException("Lab PC was not recognised as a serve")).resize(2);
            TourWindow window = TourWindow.open(catalog, data, out);
            RemoteScreenshotTour tour = new RemoteScreenshotTour(window, production, lab, staging, videos, serve);
            try {
                tour.runJobs(stagingServer);
                tour.visitProduction();
                tour.visitStaging();
                tour.visitLab();
            } finally {
                window.close();
            }
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
        System.exit(0);
    }

    /** What the shots show was done before: jobs on each deployment, Staging's server then stopped. */
    private void runJobs(FakeIntelliVisionServer stagingServer) throws Exception {
        List<Long> labJobs = new ArrayList<>();
        labJobs.add(lab.submit(JobRequest.count(labVideo, new CountParams(1.0, null, null))).id());
        for (double at : new double[] {8, 31, 52}) {
            labJobs.add(lab.submit(JobRequest.frame(labVideo, FrameParams.at(at))).id());
        }
        labJobs.add(lab.submit(JobRequest.frame(labMissing, FrameParams.at(20.0))).id());
        List<Long> productionJobs = new ArrayList<>();
        productionJobs.add(production.submit(JobRequest.count(CAMERAS + "entrance.mp4", new CountParams(2.0, null, null))).id());
        productionJobs.add(production.submit(JobRequest.frame(CAMERAS + "car-park.mp4", FrameParams.at(12.0))).id());
        productionJobs.add(production.submit(JobRequest.count(CAMERAS + "platform-fail.mp4", new CountParams(2.0, null, null))).id());
        production.submit(JobRequest.count(CAMERAS + "square-stay.mp4", new CountParams(2.0, null, null)));
        List<Long> stagingJobs = new ArrayList<>();
        stagingJobs.add(staging.submit(JobRequest.count(CAMERAS + "gate.mp4", new CountParams(2.0, null, null))).id());
        stagingJobs.add(staging.submit(JobRequest.frame(CAMERAS + "yard.mp4", FrameParams.at(5.0))).id());
        stagingJobs.add(staging.submit(JobRequest.count(CAMERAS + "dock-fail.mp4", new CountParams(2.0, null, null))).id());
        awaitAll(staging, stagingJobs);
        stagingServer.stop();
        awaitAll(production, productionJobs);
        awaitAll(lab, labJobs);
    }

    private static void awaitAll(Deployment deployment, List<Long> jobs) throws Exception {
        for (long id : jobs) {
            System.out.printf("%s job #%d %s%n", deployment.displayName(), id, deployment.awaitTerminal(id, JOB_TIMEOUT).status());
        }
    }

    private void visitProduction() throws Exception {
        window.waitUntil("Production is listed", STATE_TIMEOUT, () -> window.lookup("#deploymentsList").isPresent());
        TourWindow.onFx(() -> window.viewModel().showDeployment(production.id()));
        window.showTab("jobsTab");

        robot.clickOn("#analysisKind").clickOn("#analysis-emergency-count");
        robot.clickOn("#urlField").write(SampleVideos.VTEST.toString());
        robot.clickOn("#drawButton");
        window.centreDialogs();
        Node drawing = robot.lookup("#drawing").query();
        window.waitUntil("the frame to draw on shows", STATE_TIMEOUT, () -> drawing.isVisible() && drawing.getBoundsInLocal().getWidth() > 300
                && !window.lookup("#loadingBox").map(Node::isVisible).orElse(false));
        drag(drawing, 0.06, 0.48, 0.94, 0.44);
        drag(drawing, 0.08, 0.78, 0.96, 0.70);
        window.waitUntil("both lines are drawn", STATE_TIMEOUT, () -> !robot.lookup("#useRegionsButton").queryButton().isDisabled());
        window.shoot("emergency-lines");
        robot.clickOn("#useRegionsButton");
        robot.clickOn("#submitButton");
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        window.waitUntil("the emergency count completes", JOB_TIMEOUT, () -> selectedStatus(table) == JobStatus.COMPLETED);

        robot.clickOn("#countKind");
        robot.clickOn("#urlField").write(CAMERAS + "lobby.mp4");
        robot.clickOn("#submitButton");
        window.waitUntil("the people count shows seven", JOB_TIMEOUT, () -> selectedStatus(table) == JobStatus.COMPLETED
                && window.lookup("#personCount").map(label -> ((Label) label).getText().equals("7 people") && label.isVisible()).orElse(false));
        window.shoot("remote-deployment");

        long failed = idOf(table, "platform-fail");
        window.select(production.id(), failed);
        window.waitUntil("the traceback can be opened", STATE_TIMEOUT, () -> window.lookup("#tracebackPane").map(Node::isVisible).orElse(false));
        TourWindow.onFx(() -> window.lookup("#tracebackPane").map(TitledPane.class::cast).ifPresent(pane -> pane.setExpanded(true)));
        window.shoot("remote-failure");

        window.showTab("workersTab");
        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        window.waitUntil("Flower's workers are listed", STATE_TIMEOUT, () -> workers.getItems().size() == 2);
        robot.clickOn("5 min");
        window.shoot("celery-workers");
        window.showTab("jobsTab");
    }

    private void visitStaging() throws Exception {
        TourWindow.onFx(() -> window.viewModel().showDeployment(staging.id()));
        window.waitUntil("Staging is said to be unreachable", STATE_TIMEOUT, () -> window.lookup("#connectionNotice")
                .map(notice -> notice.isVisible() && ((Label) notice).getText().contains("is unreachable")).orElse(false));
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        window.select(staging.id(), idOf(table, "gate"));
        window.shoot("deployment-down");
    }

    private void visitLab() throws Exception {
        TourWindow.onFx(() -> window.viewModel().showDeployment(lab.id()));
        window.showTab("jobsTab");
        robot.clickOn("#searchField").write("vtest");
        TableView<JobRow> table = robot.lookup("#jobsTable").queryTableView();
        window.waitUntil("the search has answered", STATE_TIMEOUT, () -> table.getItems().size() == 5);
        window.select(lab.id(), idOf(table, "vtest.avi", JobType.YOUTUBE_FRAME_EXTRACTION));
        window.waitUntil("the frame has loaded", STATE_TIMEOUT, () -> window.lookup("#framePreview")
                .map(preview -> preview.isVisible() && ((javafx.scene.image.ImageView) preview).getImage() != null
                        && ((javafx.scene.image.ImageView) preview).getImage().getProgress() >= 1).orElse(false));
        window.shoot("jobs-search");
        robot.clickOn("#searchField").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        long running = lab.submit(JobRequest.count(labVideo, new CountParams(4.0, null, null))).id();
        window.showTab("workersTab");
        TableView<WorkerRow> workers = robot.lookup("#workersTable").queryTableView();
        window.waitUntil("a worker of the serve runs the count", STATE_TIMEOUT, () -> workers.getItems().size() == 2
                && workers.getItems().stream().anyMatch(worker -> worker.state() == WorkerState.BUSY));
        robot.clickOn("5 min");
        window.shoot("serve-workers");

        robot.clickOn("#addButton");
        window.centreDialogs();
        robot.clickOn("#deploymentNameField").write("Lab PC 2");
        robot.clickOn("#deploymentUrlField").write(labUrl);
        robot.clickOn("#accessTokenField").write(labToken);
        robot.clickOn("#testButton");
        window.waitUntil("the serve answers the test", STATE_TIMEOUT, () -> robot.lookup("#testResult").queryAs(Label.class).getText()
                .startsWith("Connected to a console's serve"));
        window.shoot("deployment-dialog");
        robot.type(KeyCode.ESCAPE);
        lab.awaitTerminal(running, JOB_TIMEOUT);
    }

    private static JobStatus selectedStatus(TableView<JobRow> table) {
        JobRow selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.job().status();
    }

    /** The newest job in the table whose link holds {@code part}. */
    private static long idOf(TableView<JobRow> table, String part) {
        return idOf(table, part, null);
    }

    /** The newest job in the table of that type (any, if null) whose link holds {@code part}. */
    private static long idOf(TableView<JobRow> table, String part, JobType type) {
        return HeadlessConsole.onFx(() -> table.getItems().stream().filter(row -> row.job().youtubeUrl() != null
                        && row.job().youtubeUrl().contains(part) && (type == null || row.job().type() == type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no job of " + part + " in the table")).job().id());
    }

    /** Draws a line across {@code on}, from and to points given as fractions of its size. */
    private void drag(Node on, double fromX, double fromY, double toX, double toY) {
        Bounds screen = HeadlessConsole.onFx(() -> on.localToScreen(on.getBoundsInLocal()));
        Point2D from = new Point2D(screen.getMinX() + fromX * screen.getWidth(), screen.getMinY() + fromY * screen.getHeight());
        Point2D to = new Point2D(screen.getMinX() + toX * screen.getWidth(), screen.getMinY() + toY * screen.getHeight());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
    }
}
