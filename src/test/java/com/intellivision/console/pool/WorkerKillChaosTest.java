package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.ChaosJobs;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.StoreAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes killed with SIGKILL at random moments while a mix of jobs runs: every job still
 * ends once, completed or failed with its reason, and the output and temporary folders hold exactly
 * what the completed jobs made.
 */
class WorkerKillChaosTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int WORKERS = 2;

    @TempDir
    Path temp;

    @Test
    void twentyJobsSurviveOneRoundOfKilledWorkers() throws Exception {
        run(20, 1);
    }

    @Test
    @Tag("long")
    void aHundredJobsSurviveTenRoundsOfKilledWorkers() throws Exception {
        run(100, 10);
    }

    private void run(int jobCount, int rounds) throws Exception {
        Path videos = ChaosJobs.prepareVideos(temp.resolve("videos"));
        Path workerTemp = Files.createDirectories(temp.resolve("worker-tmp"));
        PoolConfig config = PoolConfig.defaults(temp.resolve("data")).withWorkerCount(WORKERS)
                // Where the workers' JVMs put temporary files, to find any a killed one left.
                .withWorkerEnvironment(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + workerTemp));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long started = System.nanoTime();
        AtomicInteger kills = new AtomicInteger();
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos); LocalEngine engine = LocalEngine.start(config)) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);
            List<JobRequest> requests = ChaosJobs.requests(videos, server.url(""), jobCount);
            List<Long> ids = new ArrayList<>();
            for (JobRequest request : requests) {
                ids.add(engine.submit(request).id());
            }

            // The first kill is always mid-job, so every run has a job to requeue.
            WorkerInfo first = EngineProbe.await(() -> engine.workers().stream()
                    .filter(worker -> worker.state() == WorkerState.BUSY && worker.pid() > 0).findFirst().orElse(null), "a busy worker", TIMEOUT);
            if (ProcessHandle.of(first.pid()).map(ProcessHandle::destroyForcibly).orElse(false)) {
                kills.incrementAndGet();
            }
            for (int round = 0; round < rounds && !allEnded(engine, ids); round++) {
                // A worker at any moment of its life: starting, idle, or in any step of a job.
                for (int kill = round == 0 ? 1 : 0; kill < WORKERS; kill++) {
                    Thread.sleep(200 + random.nextInt(1300));
                    List<WorkerInfo> alive = engine.workers().stream().filter(worker -> worker.pid() > 0).toList();
                    List<WorkerInfo> busy = alive.stream().filter(worker -> worker.state() == WorkerState.BUSY).toList();
                    List<WorkerInfo> targets = random.nextInt(4) == 0 || busy.isEmpty() ? alive : busy;
                    if (!targets.isEmpty()) {
                        WorkerInfo victim = targets.get(random.nextInt(targets.size()));
                        if (ProcessHandle.of(victim.pid()).map(ProcessHandle::destroyForcibly).orElse(false)) {
                            kills.incrementAndGet();
                        }
                    }
                }
            }
            for (long id : ids) {
                engine.awaitTerminal(id, TIMEOUT);
            }
            EngineProbe.await(() -> engine.workers().stream().filter(worker -> worker.state() == WorkerState.IDLE).count() == WORKERS,
                    "every killed worker to be replaced", TIMEOUT);

            Map<Long, Long> endings = events.all(EngineEvent.JobChanged.class, changed -> changed.job().status().isTerminal()).stream()
                    .collect(Collectors.groupingBy(changed -> changed.job().id(), Collectors.counting()));
            assertThat(ids).allSatisfy(id -> assertThat(endings.get(id)).as("terminal events of job %d", id).isEqualTo(1L));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<StoreAudit.JobRow> jobs = StoreAudit.jobs(config.databaseFile());
        assertThat(jobs).hasSize(jobCount);
        StoreAudit.assertEachEndedOnce(jobs, ChaosJobs::expectedFailure);
        StoreAudit.assertOutputsExactly(jobs, config.framesDir());
        StoreAudit.assertEmpty(workerTemp);
        assertThat(StoreAudit.integrityCheck(config.databaseFile())).isEqualTo("ok");
        assertThat(kills.get()).as("workers killed").isPositive();
        assertThat(jobs).as("jobs whose worker was killed under them").anySatisfy(job -> assertThat(job.outcomes()).contains("requeued"));
        System.out.println(com.intellivision.console.testsupport.ChaosFigures.line("worker kills", seed, jobs, kills.get(), seconds));
    }

    private static boolean allEnded(LocalEngine engine, List<Long> ids) {
        return ids.stream().allMatch(id -> engine.job(id).map(Job::status).map(status -> status.isTerminal()).orElse(false));
    }
}
