package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file. */
class JobStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsJobsAcrossReopeningTheFile() throws Exception {
        long id;
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            id = store.insert(JobRequest.frame("https://youtu.be/abc", FrameParams.at(12.5)), 0).id();
        }
        try (JobStore reopened = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job job = reopened.find(id).orElseThrow();
            assertThat(job.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
            assertThat(job.status()).isEqualTo(JobStatus.PENDING);
            assertThat(job.youtubeUrl()).isEqualTo("https://youtu.be/abc");
            assertThat(new JobRequest(job.type(), job.youtubeUrl(), job.params()).frameParams().atSeconds()).isEqualTo(12.5);
            assertThat(job.attempts()).isZero();
        }
    }

    @Test
    void opensAStoreOfTheSecondSchemaLinksRetriesToItsJobsAndStillSearchesThem() throws Exception {
        Path file = dir.resolve("jobs.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = old.createStatement()) {
            sql.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, job_type TEXT NOT NULL, status TEXT NOT NULL,
                        youtube_url TEXT NOT NULL, params TEXT NOT NULL, results TEXT, output_image TEXT, error TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL DEFAULT 0, dead_letter INTEGER NOT NULL DEFAULT 0,
                        owner_pid INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""");
            sql.execute("INSERT INTO jobs (job_type, status, youtube_url, params, error, attempts, created_at, updated_at) "
                    + "VALUES ('youtube_frame_extraction', 'failed', 'https://youtu.be/oldvideo', '{\"at_seconds\":5.0}', 'Video unavailable', 1, 0, 0)");
            sql.execute("PRAGMA user_version=2");
        }

        try (JobStore store = JobStore.open(file, Clock.systemUTC())) {
            Job old = store.find(1).orElseThrow();
            assertThat(old.retryOf()).isNull();
            assertThat(old.error()).isEqualTo("Video unavailable");

            Job retry = store.insert(JobRequest.frame("https://youtu.be/newvideo", FrameParams.at(7.0)), 0, old.id());

            assertThat(retry.retryOf()).isEqualTo(old.id());
            assertThat(store.find(retry.id()).orElseThrow().retryOf()).isEqualTo(old.id());
            assertThat(store.find(old.id())).contains(old);
            assertThat(store.search(JobQuery.text("unavailable"))).extracting(Job::id).containsExactly(old.id());
            assertThat(store.search(JobQuery.text("newvideo"))).extracting(Job::id).containsExactly(retry.id());
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = reopened.createStatement();
                var version = sql.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).isEqualTo(JobStoreSchema.SCHEMA_VERSION);
        }
    }

    @Test
    void aNewStoreKeepsTheJobARetryRunsAgain() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job first = store.insert(JobRequest.frame("https://youtu.be/abc", null), 0);
            Job second = store.insert(JobRequest.frame("https://youtu.be/abd", FrameParams.at(3.0)), 0, first.id());

            assertThat(first.retryOf()).isNull();
            assertThat(second.retryOf()).isEqualTo(first.id());
            assertThat(store.recent(10)).extracting(Job::retryOf).containsExactly(first.id(), null);
        }
    }

    @Test
    void opensAStoreOfTheFirstSchemaAndKeepsItsJobs() throws Exception {
        Path file = dir.resolve("jobs.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = old.createStatement()) {
            sql.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, job_type TEXT NOT NULL, status TEXT NOT NULL,
                        youtube_url TEXT NOT NULL, params TEXT NOT NULL, results TEXT, output_image TEXT, error TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0, owner_pid INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""");
            sql.execute("INSERT INTO jobs (job_type, status, youtube_url, params, created_at, updated_at) "
                    + "VALUES ('youtube_frame_extraction', 'pending', 'https://youtu.be/old', '{}', 0, 0)");
            sql.execute("PRAGMA user_version=1");
        }

        try (JobStore store = JobStore.open(file, Clock.systemUTC())) {
            Job old = store.claimNextPending(1, 1, 1000).orElseThrow();
            assertThat(old.youtubeUrl()).isEqualTo("https://youtu.be/old");
            assertThat(old.priority()).isZero();
            assertThat(store.attempts(old.id())).hasSize(1);
        }
    }

    @Test
    void claimsPendingJobsOldestFirstAndEachOnlyOnce() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC());
                JobStore secondConsole = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job first = store.insert(JobRequest.frame("a.mp4", FrameParams.at(1.0)), 0);
            Job second = store.insert(JobRequest.frame("b.mp4", FrameParams.at(1.0)), 0);

            Job claimed = store.claimNextPending(100, 1, 1000).orElseThrow();
            Job claimedElsewhere = secondConsole.claimNextPending(200, 1, 1000).orElseThrow();

            assertThat(claimed.id()).isEqualTo(first.id());
            assertThat(claimed.status()).isEqualTo(JobStatus.PROCESSING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimedElsewhere.id()).isEqualTo(second.id());
            assertThat(store.claimNextPending(100, 1, 1000)).isEmpty();
        }
    }

    @Test
    void recordsResultsAndErrors() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job ok = store.insert(JobRequest.frame("a.mp4", null), 0);
            Job bad = store.insert(JobRequest.frame("b.mp4", null), 0);
            store.claimNextPending(1, 1, 1000);
            store.claimNextPending(1, 1, 1000);

            Job completed = store.complete(ok.id(), JobJson.mapper().createObjectNode().put("frame_url", "file:///f.png"), "/f.png");
            Job failed = store.fail(bad.id(), "The server answered 404 Not Found", false);

            assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(completed.results().get("frame_url").asText()).isEqualTo("file:///f.png");
            assertThat(completed.outputImage()).isEqualTo("/f.png");
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).isEqualTo("The server answered 404 Not Found");
            assertThat(store.recent(10)).extracting(Job::id).containsExactly(bad.id(), ok.id());
        }
    }

    @Test
    void requeuesOnlyJobsWhoseConsoleIsGone() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job ofDeadConsole = store.insert(JobRequest.frame("a.mp4", null), 0);
            Job ofLiveConsole = store.insert(JobRequest.frame("b.mp4", null), 0);
            store.claimNextPending(111, 1, 1000);
            store.claimNextPending(222, 1, 1000);

            assertThat(store.requeueOrphans(pid -> pid == 222)).extracting(Job::id).containsExactly(ofDeadConsole.id());
            assertThat(store.find(ofDeadConsole.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            assertThat(store.find(ofLiveConsole.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        }
    }

    @Test
    void aChangeTheRulesDoNotAllowLeavesTheJobAndItsAttemptsAsTheyWere() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job waiting = store.insert(JobRequest.frame("a.mp4", null), 0);
            Job done = store.insert(JobRequest.frame("b.mp4", null), 0);
            store.claimNextPending(1, 1, 1000);
            store.claimNextPending(1, 1, 1000);
            store.complete(waiting.id(), JobJson.mapper().createObjectNode(), "/a.png");
            Job other = store.insert(JobRequest.frame("c.mp4", null), 0);

            assertThat(store.retry(waiting.id())).as("a completed job keeps its result").isEmpty();
            assertThat(store.fail(waiting.id(), "late", false).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(store.complete(other.id(), null, null).status()).as("a job that never ran cannot end").isEqualTo(JobStatus.PENDING);
            assertThat(store.release(other.id())).isEmpty();
            assertThat(store.attempts(waiting.id())).extracting(attempt -> attempt.outcome()).containsExactly("completed");
            assertThat(store.attempts(other.id())).isEmpty();
            assertThat(store.cancelPending(done.id())).as("a running job is cancelled by stopping its worker").isEmpty();
            assertThat(store.find(done.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        }
        assertThat(StoreConsistency.problems(dir.resolve("jobs.db"))).isEmpty();
    }

    @Test
    void retryAllAndCancelAllChangeOnlyTheJobsTheRulesLetChange() throws Exception {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job failed = store.insert(JobRequest.frame("a.mp4", null), 0);
            Job running = store.insert(JobRequest.frame("b.mp4", null), 0);
            store.claimNextPending(1, 1, 1000);
            store.claimNextPending(1, 1, 1000);
            store.fail(failed.id(), "broken", true);
            Job waiting = store.insert(JobRequest.frame("c.mp4", null), 0);

            assertThat(store.retryAllFailed()).extracting(Job::id).containsExactly(failed.id());
            assertThat(store.find(failed.id()).orElseThrow().deadLetter()).isFalse();
            assertThat(store.cancelAllPending()).extracting(Job::id).containsExactly(failed.id(), waiting.id());
            assertThat(store.find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        }
        assertThat(StoreConsistency.problems(dir.resolve("jobs.db"))).isEmpty();
    }
}
