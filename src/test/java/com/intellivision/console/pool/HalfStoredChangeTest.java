package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A console process that halts between the two statements of a change of status, claiming a job or
 * storing how it ended, or requeueing at start a job another console left running: the file it leaves
 * is whole and as it was before the change, and the next console runs the job to its end.
 */
class HalfStoredChangeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(BetweenHalves.Transition.class)
    void aConsoleStoppedHalfwayThroughAChangeLeavesTheJobAsBeforeAndItRunsToItsEnd(BetweenHalves.Transition haltIn) throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        Path data = temp.resolve("data");
        Path file = data.resolve("jobs.db");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos)) {
            long id = haltedConsole(data, server.url("/clip.mp4"), haltIn);

            assertThat(StoreConsistency.problems(file)).isEmpty();
            try (JobStore left = JobStore.open(file, Clock.systemUTC())) {
                Job job = left.find(id).orElseThrow();
                if (haltIn == BetweenHalves.Transition.CLAIM) {
                    assertThat(job.status()).as("a claim half stored is no claim").isEqualTo(JobStatus.PENDING);
                    assertThat(job.attempts()).isZero();
                    assertThat(left.attempts(id)).isEmpty();
                } else {
                    assertThat(job.status()).as("an end half stored is no end").isEqualTo(JobStatus.PROCESSING);
                    assertThat(left.attempts(id)).extracting(JobAttempt::outcome).containsExactly(JobAttempt.RUNNING);
                }
            }

            try (LocalEngine next = LocalEngine.start(PoolConfig.defaults(data).withWorkerCount(1))) {
                Job job = next.awaitTerminal(id, TIMEOUT);
                assertThat(job.status()).as("job %d: %s", id, job.error()).isEqualTo(JobStatus.COMPLETED);
                assertThat(next.attempts(id)).extracting(JobAttempt::outcome).containsExactly(haltIn == BetweenHalves.Transition.CLAIM
                        ? new String[] {"completed"} : new String[] {JobAttempt.REQUEUED, "completed"});
            }
            assertThat(StoreConsistency.problems(file)).isEmpty();
        }
    }

    @Test
    void aConsoleStoppedHalfwayThroughRequeueingAKilledConsolesJobLeavesItForTheNext() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 3, 25, 320, 180);
        Path data = temp.resolve("data");
        Path file = data.resolve("jobs.db");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos)) {
            long id = haltedConsole(data, server.url("/clip.mp4"), BetweenHalves.Transition.END);
            // Its recovery at start requeues the job left processing, ending its attempt first.
            haltedConsole(data, "-", BetweenHalves.Transition.END);

            assertThat(StoreConsistency.problems(file)).isEmpty();
            try (LocalEngine next = LocalEngine.start(PoolConfig.defaults(data).withWorkerCount(1))) {
                Job job = next.awaitTerminal(id, TIMEOUT);
                assertThat(job.status()).as("job %d: %s", id, job.error()).isEqualTo(JobStatus.COMPLETED);
                assertThat(next.attempts(id)).extracting(JobAttempt::outcome).containsExactly(JobAttempt.REQUEUED, "completed");
            }
            assertThat(StoreConsistency.problems(file)).isEmpty();
        }
    }

    /** Runs a console process until it halts between the halves of {@code haltIn}; returns the id of the job it submitted, or 0. */
    private static long haltedConsole(Path data, String videoUrl, BetweenHalves.Transition haltIn) throws Exception {
        Process console = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                HaltingEngineMain.class.getName(), data.toString(), videoUrl, haltIn.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long id = 0;
        BufferedReader lines = new BufferedReader(new InputStreamReader(console.getInputStream()));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("job ")) {
                id = Long.parseLong(line.substring(4));
            }
        }
        assertThat(console.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the console halted").isTrue();
        assertThat(console.exitValue()).as("the console halted between the halves of %s", haltIn).isEqualTo(HaltingEngineMain.HALTED);
        return id;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
