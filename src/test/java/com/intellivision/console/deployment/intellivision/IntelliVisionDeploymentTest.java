package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.AnswersCounted;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IntelliVision deployment against a server on loopback that answers as the recorded one does. */
class IntelliVisionDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private DeploymentSettings settings;
    private RemoteJobStore store;
    private IntelliVisionDeployment deployment;
    private final List<String> renewedTokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        server = FakeIntelliVisionServer.start();
        store = RemoteDeployments.store(temp);
        settings = RemoteDeployments.settingsFor(server);
        deployment = RemoteDeployments.open(settings, temp, store, renewedTokens::add);
    }

    @AfterEach
    void disconnect() {
        deployment.close();
        store.close();
        server.close();
    }

    @Test
    void aFramePolledToCompletedHasItsImageOnThisMachine() throws Exception {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);

        Job submitted = deployment.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null));
        Job done = deployment.awaitTerminal(submitted.id(), WAIT);

        assertThat(submitted.status()).as("pending, or running if a round saw it before the submit was answered")
                .isIn(JobStatus.PENDING, JobStatus.PROCESSING);
        assertThat(submitted.taskId()).isNotBlank();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.outputImage()).as("downloaded through frame_url, output_image being broken").isNotNull();
        BufferedImage image = ImageIO.read(Path.of(done.outputImage()).toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(done.results().get("processing_time").asDouble()).as("a duration, not the server's timestamp").isBetween(0.0, 60.0);
        assertThat(events).filteredOn(JobChanged.class::isInstance).extracting(event -> ((JobChanged) event).job().status())
                .as("reported in the order it went, never back").isSortedAccordingTo(Comparator.comparing(JobStatus::ordinal))
                .contains(JobStatus.PROCESSING).endsWith(JobStatus.COMPLETED);
    }

    @Test
    void howTheServerAnsweredIsReportedWithItsServerErrorsAfterTheNextRound() throws Exception {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);
        server.setBusy(true);

        assertThatThrownBy(() -> deployment.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null))).isInstanceOf(RemoteException.class);

        EngineProbe.await(() -> events.stream().anyMatch(event -> event instanceof AnswersCounted counted && counted.serverErrors() >= 1),
                "answers counted with the refused submission's 503", WAIT);
        List<AnswersCounted> counts = events.stream().filter(AnswersCounted.class::isInstance).map(AnswersCounted.class::cast).toList();
        assertThat(counts).extracting(AnswersCounted::answers).as("counted since the deployment opened: they only grow").isSorted();
        AnswersCounted latest = counts.get(counts.size() - 1);
        assertThat(latest.answers()).as("the polls' answers too").isGreaterThan(latest.serverErrors());
    }

    @Test
    void aFailedAnalysisCarriesItsErrorTypeAndTraceback() throws Exception {
        Job done = deployment.awaitTerminal(deployment.submit(JobRequest.count("http://127.0.0.1:9/fail.mp4", null)).id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).isEqualTo("ModuleNotFoundError: No module named 'boxmot'");
        assertThat(done.traceback()).contains("process_video_job");
    }

    @Test
    void anAnalysisThatCompletedWithItsOwnErrorIsAFailure() throws Exception {
        Job done = deployment.awaitTerminal(deployment.submit(JobRequest.count("http://127.0.0.1:9/analysis-error.mp4", null)).id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).contains("The video has no frames the model could read");
    }

    @Test
    void runningJobsReportTheServersProgress() throws Exception {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);

        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/stay.mp4", null));

        EngineProbe.await(() -> events.stream().anyMatch(event -> event instanceof JobProgress progress && progress.jobId() == running.id()),
                "a progress report", WAIT);
        JobProgress progress = events.stream().filter(JobProgress.class::isInstance).map(JobProgress.class::cast).findFirst().orElseThrow();
        assertThat(progress.percentage()).isEqualTo(25.16);
        assertThat(progress.details().totalFrames()).isEqualTo(159L);
    }

    @Test
    void cancellingDeletesTheJobOnTheServerAndKeepsItHereCancelled() throws Exception {
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/stay.mp4", null));
        EngineProbe.await(() -> deployment.job(running.id()).orElseThrow().status() == JobStatus.PROCESSING, "processing", WAIT);

        Job cancelled = deployment.cancel(running.id()).orElseThrow();
        Thread.sleep(1_500);

        assertThat(deployment.capabilities().cancel()).isEqualTo(CancelEffect.DELETES_JOB);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(server.statuses()).as("deleted on the server").doesNotContainKey(running.id());
        assertThat(server.requestsTo("/api/jobs/" + running.id() + "/")).extracting(request -> request.getMethod()).contains("DELETE");
        assertThat(deployment.job(running.id()).orElseThrow().status()).as("later polls do not bring it back").isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aDeleteTheServerRefusesIsExplainedAndChangesNothingHere() throws Exception {
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/stay.mp4", null));
        deployment.close();
        // Gone on the server before the console could learn of it: the server answers DELETE with a 500.
        server.deleteJob(running.id());
        IntelliVisionDeployment quiet = RemoteDeployments.open(settings, temp, store, token -> {});
        quiet.close();

        assertThatThrownBy(() -> quiet.cancel(running.id())).isInstanceOf(RemoteException.class)
                .hasMessageContaining("Internal server error during job deletion").hasMessageContaining("INTERNAL_ERROR");
        assertThat(store.find(settings.id(), running.id()).orElseThrow().status()).isNotEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aFinishedJobHasNothingToCancel() throws Exception {
        Job done = deployment.awaitTerminal(deployment.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);
        int requests = server.requests().size();

        assertThat(deployment.cancel(done.id())).contains(done);
        assertThat(server.requests().subList(requests, server.requests().size())).noneMatch(request -> request.getMethod().equals("DELETE"));
    }

    @Test
    void retryingSubmitsTheSameInputsAgainAsANewJobLinkedToTheOld() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.count("http://127.0.0.1:9/fail.mp4", null)).id(), WAIT);

        Job retry = deployment.retry(failed.id()).orElseThrow();
        deployment.awaitTerminal(retry.id(), WAIT);

        assertThat(retry.id()).isNotEqualTo(failed.id());
        assertThat(retry.retryOf()).isEqualTo(failed.id());
        assertThat(retry.youtubeUrl()).isEqualTo(failed.youtubeUrl());
        assertThat(deployment.attempts(retry.id())).extracting(JobAttempt::workerId)
                .containsExactly("job #" + failed.id(), "job #" + retry.id());
        assertThat(deployment.attempts(failed.id())).as("either job shows the whole chain").hasSize(2);
    }

    @Test
    void aServerAtCapacityMakesTheDeploymentBusyNotDown() {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);
        server.setBusy(true);

        assertThatThrownBy(() -> deployment.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null)))
                .isInstanceOf(RemoteException.class).hasMessageContaining("System is currently at capacity");

        assertThat(deployment.connection().state()).isEqualTo(ConnectionState.BUSY);
        server.setBusy(false);
        deployment.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null));
        assertThat(deployment.connection().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(events).filteredOn(ConnectionChanged.class::isInstance).extracting(event -> ((ConnectionChanged) event).state())
                .containsExactly(ConnectionState.BUSY, ConnectionState.CONNECTED);
    }

    @Test
    void aServerThatGoesAwayIsMarkedDownItsJobsStayReadableAndItRecoversByItself() throws Exception {
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null));
        List<EngineEvent> events = RemoteDeployments.recording(deployment);

        server.stop();
        EngineProbe.await(() -> deployment.connection().state() == ConnectionState.DOWN, "down", WAIT);
        assertThat(deployment.connection().reason()).contains("127.0.0.1");
        assertThat(deployment.recentJobs(10)).extracting(Job::id).as("as last seen").contains(running.id());

        server.restart();
        Job done = deployment.awaitTerminal(running.id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(deployment.connection().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(events).filteredOn(ConnectionChanged.class::isInstance).extracting(event -> ((ConnectionChanged) event).state())
                .containsSubsequence(ConnectionState.DOWN, ConnectionState.CONNECTED);
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceAndKept() throws Exception {
        Job first = deployment.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null));
        deployment.awaitTerminal(first.id(), WAIT);

        server.expireAccessToken();
        Job second = deployment.awaitTerminal(deployment.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);

        assertThat(second.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(server.refreshes()).isEqualTo(1);
        assertThat(renewedTokens).singleElement().asString().startsWith("renewed-");
    }

    @Test
    void jobsSubmittedElsewhereAppearAndJobsDeletedElsewhereEnd() throws Exception {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);
        long elsewhere = server.addJob("people-count", "http://127.0.0.1:9/stay.mp4");

        EngineProbe.await(() -> deployment.job(elsewhere).isPresent(), "the other job listed", WAIT);
        EngineProbe.await(() -> deployment.job(elsewhere).orElseThrow().status() == JobStatus.PROCESSING, "processing", WAIT);
        server.deleteJob(elsewhere);

        EngineProbe.await(() -> deployment.job(elsewhere).orElseThrow().isTerminal(), "the deleted job ended", WAIT);
        assertThat(deployment.job(elsewhere).orElseThrow().error()).isEqualTo("The job was deleted from the server.");
        assertThat(events).anyMatch(event -> event instanceof JobChanged changed && changed.job().id() == elsewhere);
    }

    @Test
    void aConsoleStartedAgainShowsItsJobsAtOnceAndFollowsTheUnfinishedOnes() throws Exception {
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null));
        deployment.close();
        server.stop();

        IntelliVisionDeployment again = RemoteDeployments.open(settings, temp, store, token -> {});
        try {
            assertThat(again.recentJobs(10)).as("at once, while the server is down").extracting(Job::id).containsExactly(running.id());
            server.restart();
            assertThat(again.awaitTerminal(running.id(), WAIT).status()).isEqualTo(JobStatus.COMPLETED);
        } finally {
            again.close();
        }
    }

    @Test
    void linesForAnEmergencyCountReachTheServerInTheVideosPixels() throws Exception {
        EmergencyLines lines = new EmergencyLines(List.of(new EmergencyLines.Line(12, 300, 620, 300), new EmergencyLines.Line(12, 340, 620, 340)),
                640, 360);

        Job submitted = deployment.submit(JobRequest.analysis(JobType.EMERGENCY_COUNT, "http://127.0.0.1:9/door.mp4", lines.toParams()));

        assertThat(submitted.type()).isEqualTo(JobType.EMERGENCY_COUNT);
        assertThat(submitted.params().get("emergency_lines").get(1).get("start_y").asDouble()).isEqualTo(340);
        assertThat(submitted.params().get("video_width").asInt()).isEqualTo(640);
    }

    @Test
    void withoutFlowerItSaysWhyItShowsNoWorkers() {
        assertThat(deployment.workerMonitor()).isEmpty();
        assertThat(deployment.capabilities().whyNot(Feature.WORKERS)).hasValueSatisfying(reason -> assertThat(reason).contains("Flower"));
    }
}
