package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and time limits, enforced on real worker processes running real jobs. */
class LimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static Path videos;
    static LoopbackHttpServer server;

    @BeforeAll
    static void serveVideos() throws Exception {
        videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        server = LoopbackHttpServer.serving(videos);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aWorkerOverTheHardMemoryLimitIsKilledAndItsJobFails() throws Exception {
        // Decoding 40 frames of 8K video to take the last one needs far more than 300 MiB.
        Path huge = TestVideos.writeHugeVideo(videos.resolve("huge.mkv"), 7680, 4320, 40);
        PoolConfig config = PoolConfig.defaults(temp.resolve("hard")).withWorkerCount(1).withMemoryLimits(MemoryLimits.ofMiB(280, 300));
        try (LocalEngine engine = LocalEngine.start(config)) {
            Job job = engine.awaitTerminal(engine.submit(JobRequest.frame(huge.toString(), FrameParams.at(3.9))).id(), TIMEOUT);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).matches("Worker exceeded memory limit \\(\\d+ MiB > 300 MiB\\).*");
            assertThat(Files.list(config.framesDir())).isEmpty();
            assertThat(runFrame(engine).status()).as("the pool goes on").isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void aWorkerAboveTheSoftLimitAfterAJobIsRecycledBeforeTheNext() throws Exception {
        PoolConfig config = PoolConfig.defaults(temp.resolve("soft")).withWorkerCount(1)
                .withMemoryLimits(MemoryLimits.ofMiB(1, 64 * 1024));
        try (LocalEngine engine = LocalEngine.start(config)) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);
            EngineProbe.await(() -> !events.all(EngineEvent.MemorySampled.class).isEmpty(), "a memory sample", TIMEOUT);
            long firstPid = engine.workers().get(0).pid();

            assertThat(runFrame(engine).status()).isEqualTo(JobStatus.COMPLETED);
            Job second = runFrame(engine);

            assertThat(second.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(engine.attempts(second.id()).get(0).workerPid()).isNotEqualTo(firstPid);
            assertThat(events.all(EngineEvent.WorkerChanged.class, e -> e.worker().pid() == firstPid))
                    .extracting(e -> e.worker().state()).contains(WorkerState.RECYCLING);
        }
    }

    @Test
    void aWorkerIsRecycledAfterMaxTasksPerChild() throws Exception {
        PoolConfig config = PoolConfig.defaults(temp.resolve("tasks")).withWorkerCount(1).withMaxTasksPerChild(2);
        try (LocalEngine engine = LocalEngine.start(config)) {
            long[] pids = new long[3];
            for (int i = 0; i < 3; i++) {
                Job job = runFrame(engine);
                pids[i] = engine.attempts(job.id()).get(0).workerPid();
            }

            assertThat(pids[1]).isEqualTo(pids[0]);
            assertThat(pids[2]).isNotEqualTo(pids[0]);
        }
    }

    @Test
    void aJobPastItsSoftTimeLimitIsStoppedAndFails() throws Exception {
        PoolConfig config = PoolConfig.defaults(temp.resolve("soft-time")).withWorkerCount(1)
                .withTimeLimits(TimeLimits.DEFAULT.with(JobType.YOUTUBE_FRAME_EXTRACTION,
                        new TimeLimits.Limit(Duration.ofSeconds(1), Duration.ofSeconds(30))));
        try (LocalEngine engine = LocalEngine.start(config)) {
            Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));

            Job failed = engine.awaitTerminal(job.id(), Duration.ofSeconds(10));

            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).isEqualTo("The job ran past its soft time limit of 1 s and was stopped.");
            assertThat(runFrame(engine).status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void aJobPastItsHardTimeLimitHasItsWorkerKilled() throws Exception {
        PoolConfig config = PoolConfig.defaults(temp.resolve("hard-time")).withWorkerCount(1)
                .withTimeLimits(TimeLimits.DEFAULT.with(JobType.YOUTUBE_FRAME_EXTRACTION,
                        new TimeLimits.Limit(Duration.ofSeconds(1), Duration.ofSeconds(1))));
        try (LocalEngine engine = LocalEngine.start(config)) {
            Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));
            WorkerInfo busy = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);

            Job failed = engine.awaitTerminal(job.id(), Duration.ofSeconds(10));

            assertThat(failed.error()).isEqualTo("The job ran past its hard time limit of 1 s; the worker was stopped.");
            assertThat(ProcessHandle.of(busy.pid())).isEmpty();
        }
    }

    @Test
    void aWorkerThatHangsWithoutOutputOrExitIsKilledAtTheHardLimitAndReplaced() throws Exception {
        PoolConfig config = PoolConfig.defaults(temp.resolve("hung")).withWorkerCount(1)
                .withTimeLimits(TimeLimits.DEFAULT.with(JobType.YOUTUBE_FRAME_EXTRACTION,
                        new TimeLimits.Limit(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        try (LocalEngine engine = LocalEngine.start(config)) {
            Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));
            WorkerInfo hung = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);
            // SIGSTOP: the process neither answers, nor heeds the soft limit's request to stop, nor exits.
            assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(hung.pid())).start().waitFor()).isZero();

            Job failed = engine.awaitTerminal(job.id(), Duration.ofSeconds(20));

            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).isEqualTo("The job ran past its hard time limit of 2 s; the worker was stopped.");
            EngineProbe.await(() -> ProcessHandle.of(hung.pid()).isEmpty(), "the hung worker to be gone", TIMEOUT);
            WorkerInfo replacement = EngineProbe.await(() -> engine.workers().stream()
                    .filter(worker -> worker.state() == WorkerState.IDLE && worker.pid() != hung.pid()).findFirst().orElse(null),
                    "a new worker", TIMEOUT);
            Job next = runFrame(engine);
            assertThat(next.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(engine.attempts(next.id()).get(0).workerPid()).isEqualTo(replacement.pid());
        }
    }

    private static Job runFrame(LocalEngine engine) throws Exception {
        return engine.awaitTerminal(engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(1.0))).id(), TIMEOUT);
    }
}
