package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.testsupport.ChaosFigures;
import com.intellivision.console.testsupport.ChaosJobs;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.StoreAudit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's engine, in a process of its own, killed with SIGKILL while a mix of jobs runs and
 * started again on the same store: SQLite finds the store whole after every kill, and once the last
 * start has run everything, each job has ended once with exactly its outputs.
 */
class EngineKillChaosTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    private final List<Process> consoles = new ArrayList<>();

    @Test
    void twentyJobsSurviveTheConsoleKilledOnce() throws Exception {
        run(20, 1);
    }

    @Test
    @Tag("long")
    void aHundredJobsSurviveTheConsoleKilledThreeTimes() throws Exception {
        run(100, 3);
    }

    private void run(int jobCount, int kills) throws Exception {
        Path videos = ChaosJobs.prepareVideos(temp.resolve("videos"));
        Path workerTemp = Files.createDirectories(temp.resolve("worker-tmp"));
        Path data = temp.resolve("data");
        Path database = data.resolve("jobs.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long started = System.nanoTime();
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos)) {
            Process console = launch(data, workerTemp, videos.toString(), server.url(""), String.valueOf(jobCount));
            assertThat(readIdsUntilReady(console)).hasSize(jobCount);
            killAndRestart(console, kills, jobCount, data, workerTemp, random);
            // The last start is in this JVM, to wait for the jobs through the engine.
            PoolConfig config = PoolConfig.defaults(data).withWorkerCount(ChaosEngineMain.WORKERS)
                    .withWorkerEnvironment(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + workerTemp));
            try (LocalEngine engine = LocalEngine.start(config)) {
                for (int i = 1; i <= jobCount; i++) {
                    engine.awaitTerminal(i, TIMEOUT);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(StoreAudit.integrityCheck(database)).isEqualTo("ok");
        List<StoreAudit.JobRow> jobs = StoreAudit.jobs(database);
        assertThat(jobs).hasSize(jobCount);
        StoreAudit.assertEachEndedOnce(jobs, ChaosJobs::expectedFailure);
        StoreAudit.assertOutputsExactly(jobs, data.resolve("frames"));
        StoreAudit.assertEmpty(workerTemp);
        System.out.println(ChaosFigures.line("console kills", seed, jobs, kills, seconds));
    }

    /** Kills the console {@code kills} times, somewhere in the run, and starts it again after all but the last. */
    private void killAndRestart(Process console, int kills, int jobCount, Path data, Path workerTemp, Random random)
            throws Exception {
        Path database = data.resolve("jobs.db");
        for (int kill = 0; kill < kills; kill++) {
            // A few more jobs ended since the last start.
            int target = Math.min(jobCount - 1, StoreAudit.ended(database) + 1 + random.nextInt(Math.max(1, jobCount / (kills + 2))));
            EngineProbe.await(() -> endedAtLeast(database, target), target + " jobs to end", TIMEOUT);
            console.destroyForcibly().waitFor();
            assertThat(StoreAudit.integrityCheck(database)).as("the store after kill %d", kill + 1).isEqualTo("ok");
            if (kill < kills - 1) {
                console = launch(data, workerTemp);
                readIdsUntilReady(console);
            }
        }
    }

    /** A failed assertion must not leave a console running. */
    @AfterEach
    void endConsoles() throws InterruptedException {
        for (Process console : consoles) {
            console.destroyForcibly().waitFor();
        }
    }

    private Process launch(Path data, Path workerTemp, String... submit) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChaosEngineMain.class.getName(), data.toString(), workerTemp.toString()));
        command.addAll(List.of(submit));
        Process console = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        consoles.add(console);
        return console;
    }

    private static List<Long> readIdsUntilReady(Process console) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        List<Long> ids = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null && !line.equals("ready")) {
            ids.add(Long.parseLong(line.substring("job ".length())));
        }
        assertThat(line).as("the console process started").isEqualTo("ready");
        return ids;
    }

    private static boolean endedAtLeast(Path database, int count) {
        try {
            return StoreAudit.ended(database) >= count;
        } catch (SQLException busy) {
            return false;
        }
    }
}
