package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker processes killed in the middle of a job (SIGKILL): the job is run again, the pool goes on. */
class WorkerLossTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    LoopbackHttpServer server;

    @BeforeEach
    void serveVideo() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        server = LoopbackHttpServer.serving(videos);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aJobWhoseWorkerIsKilledCompletesOnAnotherWorker() throws Exception {
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(2))) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);
            Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_ONCE_VIDEO), FrameParams.at(1.0)));
            WorkerInfo killed = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);
            EngineProbe.await(() -> server.requestedPaths().contains(LoopbackHttpServer.STALLING_ONCE_VIDEO), "the worker's request", TIMEOUT);
            assertThat(engine.attempts(job.id())).singleElement().satisfies(running -> {
                assertThat(running.outcome()).isEqualTo(JobAttempt.RUNNING);
                assertThat(running.endedAt()).as("a running attempt has not ended").isNull();
            });

            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();

            Job done = engine.awaitTerminal(job.id(), TIMEOUT);
            assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(TestVideos.frameNumberOf(Path.of(done.outputImage()))).isEqualTo(25);
            assertThat(engine.attempts(job.id())).satisfiesExactly(
                    first -> {
                        assertThat(first.outcome()).isEqualTo(JobAttempt.REQUEUED);
                        assertThat(first.workerPid()).isEqualTo(killed.pid());
                        assertThat(first.error()).contains("Worker lost (exit code 137, killed by signal 9");
                        assertThat(first.endedAt()).isNotNull();
                    },
                    second -> {
                        assertThat(second.outcome()).isEqualTo("completed");
                        assertThat(second.workerPid()).isNotEqualTo(killed.pid());
                    });
            EngineProbe.await(() -> engine.workers().stream().filter(w -> w.state() == WorkerState.IDLE).count() == 2,
                    "the killed worker to be replaced", TIMEOUT);
            assertThat(engine.workers()).extracting(WorkerInfo::pid).doesNotContain(killed.pid());
            assertThat(events.all(EngineEvent.WorkerChanged.class, changed -> changed.worker().pid() == killed.pid()))
                    .extracting(changed -> changed.worker().state()).contains(WorkerState.BUSY, WorkerState.DEAD);
        }
    }

    @Test
    void aJobLostMoreOftenThanItsRetriesFailsAsADeadLetterAndCanBeRetriedByHand() throws Exception {
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1).withMaxRetries(0))) {
            Job job = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));
            WorkerInfo killed = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);

            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();

            Job failed = engine.awaitTerminal(job.id(), TIMEOUT);
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).startsWith("Worker lost (exit code 137, killed by signal 9").contains("will not be retried automatically");
            assertThat(engine.deadLetters()).extracting(Job::id).containsExactly(job.id());
            assertThat(engine.figures().deadLetters()).isEqualTo(1);

            assertThat(engine.retry(job.id())).get().extracting(Job::status).isIn(JobStatus.PENDING, JobStatus.PROCESSING);
            assertThat(engine.deadLetters()).isEmpty();
            engine.cancel(job.id());
        }
    }
}
