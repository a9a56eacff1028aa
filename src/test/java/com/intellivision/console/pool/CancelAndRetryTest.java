package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelAndRetryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static Path videos;
    static LoopbackHttpServer server;
    static LocalEngine engine;

    @BeforeAll
    static void start() throws Exception {
        videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        server = LoopbackHttpServer.serving(videos);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void aRunningJobIsCancelledWithinThreeSecondsItsWorkerReplacedAndNoFileLeft() throws Exception {
        Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));
        WorkerInfo busy = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);
        // Cancel once the worker is stuck waiting for the server, so that only killing it can stop the job.
        EngineProbe.await(() -> server.requestedPaths().contains(LoopbackHttpServer.STALLING_VIDEO), "the worker's request", TIMEOUT);
        Path partial = Files.writeString(engine.config().framesDir().resolve(job.id() + ".part.png"), "half an image");

        long started = System.nanoTime();
        engine.cancel(job.id());
        Job cancelled = engine.awaitTerminal(job.id(), Duration.ofSeconds(3));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(partial).doesNotExist();
        EngineProbe.await(() -> engine.workers().stream().anyMatch(w -> w.state() == WorkerState.IDLE && w.pid() != busy.pid()),
                "a new idle worker", TIMEOUT);
        assertThat(engine.attempts(job.id())).singleElement().extracting(a -> a.outcome()).isEqualTo("cancelled");
        assertThat(run(server.url("/clip.mp4")).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aPendingJobIsCancelledAtOnce() throws Exception {
        engine.pause();
        try {
            Job pending = engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(1.0)));

            assertThat(engine.cancel(pending.id())).get().extracting(Job::status).isEqualTo(JobStatus.CANCELLED);
            assertThat(engine.job(pending.id()).orElseThrow().attempts()).isZero();
        } finally {
            engine.resume();
        }
    }

    @Test
    void aFailedJobRetriedGoesBackToPendingAndKeepsEveryAttempt() throws Exception {
        Job failed = run(server.url("/late.mp4"));
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        Files.copy(videos.resolve("clip.mp4"), videos.resolve("late.mp4"));

        assertThat(engine.retry(failed.id())).isPresent();
        Job completed = engine.awaitTerminal(failed.id(), TIMEOUT);

        assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(completed.attempts()).isEqualTo(2);
        assertThat(engine.attempts(failed.id())).satisfiesExactly(
                first -> {
                    assertThat(first.outcome()).isEqualTo("failed");
                    assertThat(first.error()).contains("404 Not Found");
                },
                second -> assertThat(second.outcome()).isEqualTo("completed"));
    }

    @Test
    void aCompletedJobCannotBeRetried() throws Exception {
        Job completed = run(server.url("/clip.mp4"));

        assertThat(engine.retry(completed.id())).isEmpty();
    }

    @Test
    void bulkCancelOfPendingAndBulkRetryOfFailed() throws Exception {
        engine.pause();
        List<Job> queued = IntStream.range(0, 3)
                .mapToObj(i -> engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(1.0)))).toList();

        assertThat(engine.cancelAllPending()).isEqualTo(3);
        assertThat(queued).allSatisfy(job -> assertThat(engine.job(job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED));

        engine.resume();
        Job failedA = run(server.url("/gone-a.mp4"));
        Job failedB = run(server.url("/gone-b.mp4"));
        assertThat(engine.retryAllFailed()).isGreaterThanOrEqualTo(2);
        assertThat(engine.awaitTerminal(failedA.id(), TIMEOUT).attempts()).isEqualTo(2);
        assertThat(engine.awaitTerminal(failedB.id(), TIMEOUT).attempts()).isEqualTo(2);
    }

    private static Job run(String url) throws Exception {
        return engine.awaitTerminal(engine.submit(JobRequest.frame(url, FrameParams.at(1.0))).id(), TIMEOUT);
    }
}
