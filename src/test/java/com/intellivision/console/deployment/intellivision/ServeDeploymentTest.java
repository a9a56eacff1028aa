package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a console connected to a real {@code serve} shows and does beyond the contract: its workers and
 * their memory, attempts, bulk actions and pool control, all heard live (the deployment never asks in
 * the test's time), a refused token, and telling a serve from an IntelliVision server.
 */
class ServeDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static LoopbackHttpServer videos;
    private static ServeProcess serve;
    private RemoteJobStore store;
    private ServeDeployment deployment;
    private final EngineProbe.Recorder events = new EngineProbe.Recorder();

    @BeforeAll
    static void startServe() throws Exception {
        videos = LoopbackHttpServer.servingClip(shared);
        serve = ServeProcess.start(shared.resolve("serve"), "--allow-private-urls");
    }

    @AfterAll
    static void stopServe() throws Exception {
        serve.close();
        videos.close();
    }

    @BeforeEach
    void connect() throws Exception {
        store = RemoteDeployments.store(temp);
        deployment = open(serve.token());
        deployment.subscribe(events);
    }

    @AfterEach
    void disconnect() {
        deployment.close();
        store.close();
    }

    private ServeDeployment open(String token) {
        DeploymentSettings settings = DeploymentSettings.create("Serve", DeploymentKind.CONSOLE_SERVE, serve.url());
        return new ServeDeployment(settings, new DeploymentSecrets(token, null, null), store, temp.resolve("images"), renewed -> {},
                Clock.systemUTC(), RemoteDeployments.DEAF);
    }

    @Test
    void itsWorkersAreRealProcessesWhoseMemoryIsHeardEverySecond() throws Exception {
        WorkerInfo worker = EngineProbe.await(() -> deployment.workers().stream().filter(w -> w.pid() > 0).findFirst().orElse(null),
                "a worker with a process", WAIT);
        assertThat(ProcessHandle.of(worker.pid())).as("the serve's worker process").isPresent();

        EngineProbe.await(() -> events.all(MemorySampled.class, s -> s.workerId().equals(worker.id())).size() >= 2 ? true : null,
                "two memory samples heard", WAIT);
        List<MemorySampled> history = deployment.memoryHistory(worker.id());
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(history).allSatisfy(sample -> assertThat(sample.rssBytes()).isGreaterThan(10L << 20));
        assertThat(history).extracting(MemorySampled::at).isSorted();
        assertThat(deployment.workers()).extracting(WorkerInfo::rssBytes).allSatisfy(rss -> assertThat(rss).isPositive());
    }

    @Test
    void aFrameIsPreviewedFromTheImageTheServeMade() throws Exception {
        Job done = deployment.awaitTerminal(deployment.submit(JobRequest.frame(videos.url("/clip.mp4"), null)).id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        Job kept = EngineProbe.await(() -> deployment.job(done.id()).filter(job -> job.outputImage() != null).orElse(null), "its image", WAIT);
        BufferedImage image = ImageIO.read(Path.of(kept.outputImage()).toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(120);
    }

    @Test
    void aRunningCountsFramesAreCopiedHereWithTheirPeopleAndRemovedOnceItEnds() throws Exception {
        Path video = SampleVideos.vtestOpening(shared.resolve("vtest-8s.avi"), 8);
        List<Integer> copiedWidths = new CopyOnWriteArrayList<>();
        // Read as soon as they are announced: older copies are removed as newer ones come.
        Deployment.Subscription listening = deployment.subscribe(event -> {
            if (event instanceof JobProgress progress && progress.details() != null && progress.details().liveFrame() != null) {
                try {
                    BufferedImage copy = ImageIO.read(Path.of(URI.create(progress.details().liveFrame().url())).toFile());
                    copiedWidths.add(copy == null ? 0 : copy.getWidth());
                } catch (Exception notACopy) {
                    copiedWidths.add(-1);
                }
            }
        });
        Job count;
        try {
            count = deployment.awaitTerminal(deployment.submit(JobRequest.count(video.toString(), null)).id(), Duration.ofSeconds(120));
        } finally {
            listening.close();
        }

        assertThat(count.status()).as(count.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(copiedWidths).as("frames copied from the serve while it counted").isNotEmpty().allSatisfy(width ->
                assertThat(width).isEqualTo(768));
        assertThat(events.all(JobProgress.class, p -> p.jobId() == count.id() && p.details() != null && p.details().liveFrame() != null))
                .allSatisfy(p -> assertThat(p.details().liveFrame().url()).startsWith("file:"));
        EngineProbe.await(() -> {
            try (var kept = Files.list(temp.resolve("images"))) {
                return kept.noneMatch(file -> file.getFileName().toString().startsWith(count.id() + ".live.")) ? true : null;
            } catch (java.io.IOException unreadable) {
                throw new java.io.UncheckedIOException(unreadable);
            }
        }, "the copies removed", WAIT);
    }

    @Test
    void aPeopleCountRunsOnALinkAndOnAnUploadedFile() throws Exception {
        Path clip = shared.resolve("to-upload.mp4");
        TestVideos.writeFrameCodedVideo(clip, 2, 25, 160, 120);

        Job ofLink = deployment.awaitTerminal(deployment.submit(JobRequest.count(videos.url("/clip.mp4"), null)).id(), WAIT);
        Job ofFile = deployment.awaitTerminal(deployment.submit(JobRequest.count(clip.toString(), null)).id(), WAIT);

        for (Job count : List.of(ofLink, ofFile)) {
            assertThat(count.status()).as(count.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(count.type()).isEqualTo(JobType.PEOPLE_COUNT);
            assertThat(count.results().path("frames_processed").asInt()).isPositive();
        }
        assertThat(ofFile.youtubeUrl()).as("a link to the upload, never where it lies").isEqualTo(serve.url() + "/api/jobs/" + ofFile.id() + "/video/");
        HttpResponse<byte[]> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ofFile.youtubeUrl()))
                .header("Authorization", "Bearer " + serve.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(upload.body()).isEqualTo(Files.readAllBytes(clip));
    }

    @Test
    void aJobRetriedInPlaceListsBothItsAttempts() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.frame(videos.url("/no-such-video.mp4"), null)).id(), WAIT);
        deployment.retry(failed.id()).orElseThrow();
        deployment.awaitTerminal(failed.id(), WAIT);
        EngineProbe.await(() -> deployment.job(failed.id()).filter(job -> job.status() == JobStatus.FAILED && job.attempts() == 2).orElse(null),
                "the second attempt ended", WAIT);

        List<JobAttempt> attempts = deployment.attempts(failed.id());

        assertThat(attempts).extracting(JobAttempt::number).containsExactly(1, 2);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("failed");
            assertThat(attempt.workerId()).isEqualTo("w1");
            assertThat(attempt.error()).isNotBlank();
        });
    }

    @Test
    void aFailedFrameRetriedWithAnotherLinkAndTimeIsANewJobLinkedToIt() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.frame(videos.url("/not-here.mp4"), null)).id(), WAIT);

        Job retry = deployment.retryWith(failed.id(), JobRequest.frame(videos.url("/clip.mp4"), FrameParams.at(1.5))).orElseThrow();
        Job done = deployment.awaitTerminal(retry.id(), WAIT);

        assertThat(retry.id()).isNotEqualTo(failed.id());
        assertThat(retry.retryOf()).isEqualTo(failed.id());
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.retryOf()).isEqualTo(failed.id());
        assertThat(done.params().path("at_seconds").asDouble()).isEqualTo(1.5);
        assertThat(done.results().path("timestamp").asDouble()).isBetween(1.4, 1.6);
        Job old = deployment.job(failed.id()).orElseThrow();
        assertThat(old.status()).isEqualTo(JobStatus.FAILED);
        assertThat(old.youtubeUrl()).isEqualTo(videos.url("/not-here.mp4"));
    }

    @Test
    void anEditTheServeRefusesIsReportedAsAnInvalidEdit() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.count(videos.url("/absent.mp4"), null)).id(), WAIT);

        assertThatThrownBy(() -> deployment.retryWith(failed.id(), JobRequest.count(videos.url("/clip.mp4"), new CountParams(2.0, "/etc/passwd", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own detector");
    }

    @Test
    void aPausedPoolKeepsJobsPendingUntilTheyAreCancelledAllAtOnce() throws Exception {
        deployment.pause();
        try {
            EngineProbe.await(() -> deployment.isPaused() ? true : null, "paused, as heard", WAIT);
            Job first = deployment.submit(JobRequest.frame(videos.url("/clip.mp4"), null));
            Job second = deployment.submit(JobRequest.frame(videos.url("/clip.mp4"), null));

            assertThat(deployment.cancelAllPending()).as("these two, and any retried by another test").isGreaterThanOrEqualTo(2);

            assertThat(deployment.awaitTerminal(first.id(), WAIT).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(deployment.awaitTerminal(second.id(), WAIT).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(events.all(PoolChanged.class)).anySatisfy(changed -> assertThat(changed.paused()).isTrue());
        } finally {
            deployment.resume();
        }
        EngineProbe.await(() -> deployment.isPaused() ? null : true, "resumed, as heard", WAIT);
    }

    @Test
    void failedJobsAreRetriedAllAtOnce() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.frame(videos.url("/no-such-video.mp4"), null)).id(), WAIT);

        assertThat(deployment.retryAllFailed()).isGreaterThanOrEqualTo(1);

        EngineProbe.await(() -> deployment.job(failed.id()).filter(job -> job.attempts() == 2 && job.isTerminal()).orElse(null),
                "the failed job run again", WAIT);
    }

    @Test
    void theGrownPoolsNewWorkerIsHeardAndGoesWhenItShrinksAgain() throws Exception {
        deployment.resize(2);
        try {
            EngineProbe.await(() -> deployment.workers().stream().anyMatch(worker -> worker.id().equals("w2") && worker.pid() > 0) ? true : null,
                    "a second worker", WAIT);
            EngineProbe.await(() -> events.all(PoolChanged.class, changed -> changed.size() == 2).isEmpty() ? null : true,
                    "the pool's new size heard", WAIT);
        } finally {
            deployment.resize(1);
        }
        EngineProbe.await(() -> deployment.workers().stream().noneMatch(worker -> worker.id().equals("w2")) ? true : null,
                "the second worker gone", WAIT);
        assertThat(events.all(WorkerChanged.class, changed -> changed.worker().id().equals("w2"))).isNotEmpty();
    }

    @Test
    void aRefusedTokenTakesTheDeploymentDownWithAReasonForPeople() throws Exception {
        try (ServeDeployment refused = open("not-the-serve-token")) {
            EngineProbe.await(() -> refused.connection().state() == ConnectionState.DOWN ? true : null, "down", WAIT);
            assertThat(refused.connection().reason()).contains("refused the access token", "Paste a new one").doesNotContain("not-the-serve-token");
            assertThat(refused.workers()).isEmpty();
        }
    }

    @Test
    void aServeIsToldFromAnIntelliVisionServerByItsHealth() throws Exception {
        DeploymentSettings typed = DeploymentSettings.create("Somewhere", DeploymentKind.INTELLIVISION, serve.url());
        DeploymentSecrets secrets = new DeploymentSecrets(serve.token(), null, null);

        assertThat(ConnectionTest.detectKind(typed, secrets).kind()).isEqualTo(DeploymentKind.CONSOLE_SERVE);
        assertThat(ConnectionTest.run(typed, secrets)).isEqualTo("Connected to a console's serve with 1 worker");

        try (FakeIntelliVisionServer server = FakeIntelliVisionServer.start()) {
            DeploymentSettings intelliVision = DeploymentSettings.create("Prod", DeploymentKind.CONSOLE_SERVE, server.url());
            assertThat(ConnectionTest.detectKind(intelliVision, RemoteDeployments.tokens()).kind()).isEqualTo(DeploymentKind.INTELLIVISION);
        }
    }
}
