package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console killed with SIGKILL mid-run: the next start loses no job, leaves none stuck and no worker behind. */
class RecoveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void aKilledConsolesJobsAllEndAfterTheNextStart() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        Path data = temp.resolve("data");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos)) {
            Process console = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    EngineProcessMain.class.getName(), data.toString(), server.url(LoopbackHttpServer.STALLING_ONCE_VIDEO),
                    server.url("/clip.mp4"), "5").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<Long> jobIds = new ArrayList<>();
            List<Long> workerPids = new ArrayList<>();
            readUntilReady(console, jobIds, workerPids);
            EngineProbe.await(() -> server.requestedPaths().contains(LoopbackHttpServer.STALLING_ONCE_VIDEO), "the first job to run", TIMEOUT);

            console.destroyForcibly().waitFor();

            try (LocalEngine next = LocalEngine.start(PoolConfig.defaults(data).withWorkerCount(2))) {
                for (long id : jobIds) {
                    Job job = next.awaitTerminal(id, TIMEOUT);
                    assertThat(job.status()).as("job %d: %s", id, job.error()).isEqualTo(JobStatus.COMPLETED);
                }
                assertThat(next.job(jobIds.get(0)).orElseThrow().attempts()).isEqualTo(2);
                assertThat(next.recentJobs(100)).hasSize(jobIds.size()).noneMatch(job -> job.status() == JobStatus.PROCESSING);
                for (long pid : workerPids) {
                    EngineProbe.await(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "worker " + pid + " to end", TIMEOUT);
                }
            }
        }
    }

    @Test
    void workerProcessesLeftByAKilledConsoleAreEnded() throws Exception {
        Path data = temp.resolve("data");
        // A leftover that ignores its closed stdin, as a worker stuck in native code would.
        Process leftover = new ProcessBuilder("sleep", "60").start();
        long deadConsole = new ProcessBuilder("true").start().onExit().get().pid();
        try (JobStore store = JobStore.open(data.resolve("jobs.db"), Clock.systemUTC())) {
            store.registerWorker(leftover.pid(), deadConsole, leftover.info().startInstant().orElseThrow());
        }

        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(data).withWorkerCount(1))) {
            assertThat(leftover.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            leftover.destroyForcibly();
        }
    }

    private static void readUntilReady(Process console, List<Long> jobIds, List<Long> workerPids) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(console.getInputStream()));
        String line;
        while ((line = lines.readLine()) != null && !line.equals("ready")) {
            String[] parts = line.split(" ");
            (parts[0].equals("job") ? jobIds : workerPids).add(Long.parseLong(parts[1]));
        }
        assertThat(line).as("the console process started").isEqualTo("ready");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
