package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.app.DemoWorkload.DemoJob;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.testsupport.EngineProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's workload, driven without a window on real worker processes, a real SQLite store and a
 * real serve on the loopback: it ends with the mix it is there to show, and the user's data directory,
 * named on the command line, is left exactly as it was.
 */
class DemoWorkloadTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void endsWithCompletedJobsAFailureACrashRetriedAndASoftLimitRecycleAndLeavesTheUsersDataAlone() throws Exception {
        Path userData = decoyDataDirectory(temp.resolve("user-data"));
        Map<String, String> before = contentsOf(userData);
        PoolOptions options = new PoolOptions();
        options.dataDir = userData;

        DemoConsole demo = DemoConsole.prepare(options, temp);
        List<Job> ended;
        DemoWorkload workload;
        EngineProbe.Recorder events = new EngineProbe.Recorder();
        long sampleVideoStarted;
        try {
            DeploymentCatalog catalog = demo.openCatalog();
            try {
                Deployment local = catalog.deployments().get(0);
                local.subscribe(events);
                sampleVideoStarted = System.nanoTime();
                workload = demo.submitWorkload(catalog);
                ended = workload.awaitEnd(Duration.ofMinutes(3));
                System.out.printf("demo workload: %d jobs ended in %.1f s%n", ended.size(), (System.nanoTime() - sampleVideoStarted) / 1e9);
                assertThat(workload.crash().killed().get(10, TimeUnit.SECONDS)).as("the worker killed mid-job").isPresent();
                List<JobAttempt> crashedAttempts = local.attemptHistory().orElseThrow().attempts(workload.crash().jobId());
                assertThat(crashedAttempts).as("the crashed job's attempts").hasSizeGreaterThanOrEqualTo(2);
                assertThat(crashedAttempts.get(0).outcome()).isEqualTo(JobAttempt.REQUEUED);
                assertThat(crashedAttempts.get(0).error()).contains("Worker lost");
            } finally {
                catalog.close();
            }
        } finally {
            demo.close();
        }

        Map<String, Job> byWhatItShows = new TreeMap<>();
        for (int i = 0; i < ended.size(); i++) {
            byWhatItShows.put(workload.jobs().get(i).shows(), ended.get(i));
        }
        byWhatItShows.forEach((shows, job) -> System.out.println("  " + shows + ": " + job.status()
                + (job.error() == null ? "" : " (" + job.error() + ")")));
        assertThat(workload.jobs()).extracting(DemoJob::shows).contains("a frame", "a filmstrip", "a job that fails: not a video",
                "a people count whose worker is killed mid-job", "a people count past the soft memory limit", "a people count on the serve");
        byWhatItShows.forEach((shows, job) -> {
            if (shows.startsWith("a job that fails")) {
                assertThat(job.status()).as(shows).isEqualTo(JobStatus.FAILED);
                assertThat(job.error()).as(shows).contains("holiday-clip.mp4").contains("is not a video that can be read");
            } else {
                assertThat(job.status()).as(shows + ": " + job.error()).isEqualTo(JobStatus.COMPLETED);
            }
        });
        assertThat(byWhatItShows.get("a people count whose worker is killed mid-job").results().has("person_count")).isTrue();

        long soft = MemoryLimits.ofMiB(DemoConsole.SOFT_LIMIT_MIB, DemoConsole.HARD_LIMIT_MIB).softBytes();
        List<WorkerInfo> recycled = events.all(WorkerChanged.class, changed -> changed.worker().state() == WorkerState.RECYCLING).stream()
                .map(WorkerChanged::worker).toList();
        recycled.forEach(worker -> System.out.printf("  recycled %s at %d MiB%n", worker.id(), worker.rssBytes() >> 20));
        assertThat(recycled).as("a worker recycled for its memory above the soft limit").anySatisfy(worker ->
                assertThat(worker.rssBytes()).isGreaterThan(soft));

        assertThat(contentsOf(userData)).as("the user's data directory").isEqualTo(before);
        assertThat(demo.dataDir()).startsWith(temp);
        assertThat(demo.dataDir().startsWith(userData)).as("the demo's directory is inside the user's").isFalse();
        assertThat(demo.dataDir().resolve("jobs.db")).exists();
    }

    /** A data directory as the console leaves one: a store, settings, a saved deployment. */
    private static Path decoyDataDirectory(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("jobs.db"), "not touched");
        Files.writeString(dir.resolve("console-settings.json"), "{\"theme\":\"DARK\"}");
        Files.writeString(dir.resolve("deployments.json"), "[]");
        Files.writeString(dir.resolve("frames/1.png"), "a frame");
        for (Path file : List.of(dir.resolve("jobs.db"), dir.resolve("console-settings.json"), dir.resolve("deployments.json"),
                dir.resolve("frames/1.png"), dir.resolve("frames"), dir)) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        }
        return dir;
    }

    /** Every path under {@code dir} with its size and time, and the folder's own time. */
    private static Map<String, String> contentsOf(Path dir) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                contents.put(dir.relativize(path).toString(), Files.size(path) + " " + Files.getLastModifiedTime(path));
            }
        }
        return contents;
    }
}
