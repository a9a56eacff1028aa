package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Growing, shrinking and pausing the pool while it runs, and what it reports. */
class PoolControlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void growsShrinksPausesAndResumesWhileRunning() throws Exception {
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 2, 25, 160, 90);
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1))) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);

            engine.resize(3);
            EngineProbe.await(() -> idle(engine.workers()) == 3, "three idle workers", TIMEOUT);

            engine.resize(1);
            EngineProbe.await(() -> engine.workers().size() == 1, "the pool to shrink to one", TIMEOUT);
            assertThat(engine.workers().get(0).id()).as("the oldest worker stays").isEqualTo("w1");

            engine.pause();
            Job held = engine.submit(JobRequest.frame(clip.toString(), FrameParams.at(0.5)));
            Thread.sleep(500);
            assertThat(engine.job(held.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            assertThat(engine.isPaused()).isTrue();

            engine.resume();
            assertThat(engine.awaitTerminal(held.id(), TIMEOUT).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(events.all(EngineEvent.PoolChanged.class)).extracting(EngineEvent.PoolChanged::size, EngineEvent.PoolChanged::paused)
                    .containsSubsequence(org.assertj.core.groups.Tuple.tuple(3, false), org.assertj.core.groups.Tuple.tuple(1, false),
                            org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(1, false));
        }
    }

    @Test
    void reportsQueueFiguresAndKeepsAMemoryHistoryPerWorker() throws Exception {
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 2, 25, 160, 90);
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1))) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);
            for (int i = 0; i < 3; i++) {
                engine.awaitTerminal(engine.submit(JobRequest.frame(clip.toString(), FrameParams.at(0.5))).id(), TIMEOUT);
            }
            engine.awaitTerminal(engine.submit(JobRequest.frame(temp.resolve("missing.mp4").toString(), null)).id(), TIMEOUT);

            QueueFigures figures = engine.figures();
            assertThat(figures.pending()).isZero();
            assertThat(figures.processing()).isZero();
            assertThat(figures.completedLastMinute()).isEqualTo(3);
            assertThat(figures.failedLastMinute()).isEqualTo(1);
            assertThat(figures.failureRate15Minutes()).isEqualTo(0.25);
            assertThat(events.all(EngineEvent.QueueChanged.class)).last().extracting(EngineEvent.QueueChanged::figures).isEqualTo(figures);

            EngineProbe.await(() -> engine.memoryHistory("w1").size() >= 3, "three memory samples", TIMEOUT);
            List<EngineEvent.MemorySampled> history = engine.memoryHistory("w1");
            assertThat(history).allSatisfy(sample -> assertThat(sample.rssBytes()).isPositive());
            assertThat(history.get(history.size() - 1).rssBytes()).as("a JVM with video libraries loaded").isGreaterThan(50L << 20);
            assertThat(history.get(history.size() - 1).at()).isAfter(history.get(0).at());
            WorkerInfo worker = engine.workers().get(0);
            assertThat(worker.peakRssBytes()).isGreaterThanOrEqualTo(worker.rssBytes()).isPositive();
        }
    }

    private static long idle(List<WorkerInfo> workers) {
        return workers.stream().filter(worker -> worker.state() == WorkerState.IDLE).count();
    }
}
