package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.CrossingVideos;
import com.intellivision.console.testsupport.EngineProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People counts split across a real pool of two worker processes with a real SQLite store: a 40 s video
 * that one person crosses from 13 s to 27 s, so that the cut at 20 s falls while they are in view.
 */
class SplitCountsOnLocalPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static Path crossing;
    static Path shortClip;
    static LocalEngine engine;
    static EngineProbe.Recorder events = new EngineProbe.Recorder();

    @BeforeAll
    static void startPool() throws IOException {
        crossing = CrossingVideos.write(temp.resolve("crossing.mp4"), 40, List.of(new CrossingVideos.Crossing(13, 27)));
        shortClip = CrossingVideos.write(temp.resolve("short.mp4"), 10, List.of(new CrossingVideos.Crossing(2, 8)));
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(2).withOpenCvThreads(1));
        engine.subscribe(events);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @BeforeEach
    void bothWorkersIdle() throws InterruptedException {
        EngineProbe.await(() -> engine.workers().stream().filter(worker -> worker.state() == WorkerState.IDLE).count() == 2,
                "two idle workers", TIMEOUT);
    }

    @Test
    void aLongCountRunsInTwoPartsAtOnceAndCountsThePersonCrossingTheCutOnce() throws Exception {
        Job job = engine.submit(JobRequest.count(crossing.toString(), CountParams.defaults()));
        Job done = engine.awaitTerminal(job.id(), TIMEOUT);

        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        JsonNode results = done.results();
        assertThat(results.get("person_count").asInt()).isEqualTo(1);
        assertThat(results.get("parts").asInt()).isEqualTo(2);
        assertThat(results.has("segment")).isFalse();
        assertThat(results.get("timeline")).hasSize(80);
        assertThat(results.get("frames_processed").asInt()).isEqualTo(80);
        Set<Integer> tracks = new HashSet<>();
        results.get("timeline").forEach(sample -> sample.path("boxes").forEach(box -> tracks.add(box.get("track").asInt())));
        assertThat(tracks).containsExactly(1);
        assertThat(done.attempts()).as("one job, claimed once").isEqualTo(1);
        assertThat(engine.attempts(job.id())).singleElement().extracting(JobAttempt::outcome).isEqualTo("completed");
        assertThat(workersThatRan(job.id())).as("both workers counted a part").hasSize(2);

        List<EngineEvent.JobProgress> progress = events.all(EngineEvent.JobProgress.class, event -> event.jobId() == job.id());
        assertThat(progress).extracting(EngineEvent.JobProgress::percentage).as("one bar, never going back").isSorted();
        assertThat(progress.get(progress.size() - 1).percentage()).isEqualTo(100.0);
        assertThat(progress).filteredOn(event -> event.details() != null && event.details().totalFrames() != null)
                .isNotEmpty().allSatisfy(event -> assertThat(event.details().totalFrames()).as("both parts' samples").isEqualTo(88));

        Path frames = engine.config().framesDir();
        assertThat(Path.of(done.outputImage())).isEqualTo(frames.toAbsolutePath().resolve(job.id() + ".png")).exists();
        assertThat(frames.resolve(job.id() + ".clean.png")).exists();
        assertThat(filesOf(job.id())).as("the parts' own files are gone").containsExactlyInAnyOrder(job.id() + ".png", job.id() + ".clean.png");
    }

    @Test
    void aCountNotToBeSplitOrTooShortToSplitRunsOnOneWorkerAsBefore() throws Exception {
        Job whole = engine.awaitTerminal(engine.submit(JobRequest.count(crossing.toString(), CountParams.defaults().withSplit(false))).id(), TIMEOUT);
        Job brief = engine.awaitTerminal(engine.submit(JobRequest.count(shortClip.toString(), CountParams.defaults())).id(), TIMEOUT);

        for (Job job : List.of(whole, brief)) {
            assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.results().has("parts")).isFalse();
            assertThat(job.results().has("segment")).isFalse();
            assertThat(job.results().get("person_count").asInt()).isEqualTo(1);
            assertThat(workersThatRan(job.id())).hasSize(1);
        }
        assertThat(whole.results().get("timeline")).hasSize(80);
        assertThat(brief.results().get("timeline")).hasSize(20);
        assertThat(brief.results().get("clean_image_url").asText()).endsWith("/" + brief.id() + ".clean.png");
    }

    @Test
    void aPartWhoseWorkerIsKilledRunsAgainAloneAndTheJobCompletesWithTheRightCount() throws Exception {
        // Four samples a second, so that each part runs long enough to be killed in the middle.
        Job job = engine.submit(JobRequest.count(crossing.toString(), new CountParams(4.0, null, null)));
        EngineProbe.await(() -> engine.workers().stream().filter(worker -> worker.jobId() == job.id()).count() == 2,
                "both workers on the job", TIMEOUT);
        EngineProbe.await(() -> events.all(EngineEvent.JobProgress.class, event -> event.jobId() == job.id() && event.details() != null
                && event.details().processedFrames() != null && event.details().processedFrames() >= 10).size() > 0, "some frames counted", TIMEOUT);
        List<WorkerInfo> running = engine.workers().stream().filter(worker -> worker.jobId() == job.id()).toList();
        assertThat(running).as("both parts still running").hasSize(2);
        WorkerInfo killed = running.get(1);

        ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
        Job done = engine.awaitTerminal(job.id(), TIMEOUT);

        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.results().get("person_count").asInt()).isEqualTo(1);
        assertThat(done.results().get("parts").asInt()).isEqualTo(2);
        assertThat(done.results().get("timeline")).hasSize(160);
        assertThat(done.attempts()).as("the job was not queued again: only its part ran again").isEqualTo(1);
        assertThat(engine.attempts(job.id())).singleElement().extracting(JobAttempt::outcome).isEqualTo("completed");
        assertThat(engine.workers()).extracting(WorkerInfo::pid).as("the other part's worker was left alone")
                .contains(running.get(0).pid()).doesNotContain(killed.pid());
        assertThat(events.all(EngineEvent.WorkerChanged.class, changed -> changed.worker().pid() == killed.pid()))
                .extracting(changed -> changed.worker().state()).contains(WorkerState.DEAD);
    }

    @Test
    void cancellingASplitCountStopsEveryPart() throws Exception {
        Job job = engine.submit(JobRequest.count(crossing.toString(), new CountParams(4.0, null, null)));
        EngineProbe.await(() -> engine.workers().stream().filter(worker -> worker.jobId() == job.id()).count() == 2,
                "both workers on the job", TIMEOUT);
        List<Long> pids = engine.workers().stream().map(WorkerInfo::pid).toList();

        long started = System.nanoTime();
        engine.cancel(job.id());
        Job cancelled = engine.awaitTerminal(job.id(), Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(took).as("every part stopped at its next frame, long before either could have finished").isLessThan(Duration.ofMillis(1500));
        assertThat(engine.workers()).as("no worker is still busy with it").noneMatch(worker -> worker.jobId() == job.id());
        assertThat(engine.workers()).extracting(WorkerInfo::pid).as("each part stopped by its worker, none killed")
                .containsExactlyInAnyOrderElementsOf(pids);
        assertThat(filesOf(job.id())).isEmpty();
        assertThat(engine.attempts(job.id())).singleElement().extracting(JobAttempt::outcome).isEqualTo("cancelled");
    }

    /** The workers that were busy with the job at some time. */
    private static Set<String> workersThatRan(long jobId) {
        Set<String> ran = new HashSet<>();
        events.all(EngineEvent.WorkerChanged.class, changed -> changed.worker().jobId() == jobId && changed.worker().state() == WorkerState.BUSY)
                .forEach(changed -> ran.add(changed.worker().id()));
        return ran;
    }

    private static List<String> filesOf(long jobId) throws IOException {
        try (Stream<Path> files = Files.list(engine.config().framesDir())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(jobId + ".")).toList();
        }
    }
}
