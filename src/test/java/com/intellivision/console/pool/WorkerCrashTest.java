package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker process killed in the middle of a job: the job says so, the worker is replaced, the pool goes on. */
class WorkerCrashTest {

    @TempDir
    Path temp;

    @Test
    void aKilledWorkerFailsOnlyItsJobAndIsReplaced() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos);
                LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1))) {
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            engine.subscribe(events::add);
            Job stuck = engine.submit(JobRequest.frame(server.url(LoopbackHttpServer.STALLING_VIDEO), FrameParams.at(1.0)));
            WorkerInfo busy = awaitWorkerRunning(engine, stuck.id());

            ProcessHandle.of(busy.pid()).orElseThrow().destroyForcibly();

            Job failed = engine.awaitTerminal(stuck.id(), Duration.ofSeconds(30));
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).contains("stopped unexpectedly").contains("killed by signal 9");
            Job next = engine.awaitTerminal(engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(1.0))).id(), Duration.ofSeconds(60));
            assertThat(next.status()).as(next.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(engine.workers()).singleElement().satisfies(worker -> assertThat(worker.pid()).isNotEqualTo(busy.pid()));
            assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(EngineEvent.WorkerChanged.class,
                    changed -> assertThat(changed.worker().state()).isEqualTo(WorkerState.DEAD)));
        }
    }

    private static WorkerInfo awaitWorkerRunning(LocalEngine engine, long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (WorkerInfo worker : engine.workers()) {
                if (worker.jobId() == jobId) {
                    return worker;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no worker took job " + jobId);
    }
}
