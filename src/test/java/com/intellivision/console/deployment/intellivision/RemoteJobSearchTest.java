package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching what the console has seen of remote jobs, on a real SQLite file shared by deployments. */
class RemoteJobSearchTest {

    private static final Instant SEEN = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private RemoteJobStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = RemoteJobStore.open(dir.resolve("remote-jobs.db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findsAJobByItsLinkErrorTaskTypeStatusAndId() {
        store.saveFromServer("prod", job(101, JobType.CAR_COUNT, JobStatus.FAILED, "https://cams.example.org/parking/north.m3u8",
                "Stream ended before the first frame", "5f2c9e1a-celery-task"), SEEN);
        store.saveFromServer("prod", job(102, JobType.PEOPLE_COUNT, JobStatus.COMPLETED, "https://youtu.be/lobbyTour", null, null), SEEN);

        assertThat(ids("prod", "parking/north")).containsExactly(101L);
        assertThat(ids("prod", "stream ended")).containsExactly(101L);
        assertThat(ids("prod", "5f2c9e1a")).containsExactly(101L);
        assertThat(ids("prod", "car count")).containsExactly(101L);
        assertThat(ids("prod", "car-count failed")).containsExactly(101L);
        assertThat(ids("prod", "completed LOBBY")).containsExactly(102L);
        assertThat(ids("prod", "102")).containsExactly(102L);
        assertThat(ids("prod", "10")).containsExactly(102L, 101L);
    }

    @Test
    void searchesOnlyTheJobsOfItsDeployment() {
        store.saveFromServer("prod", job(7, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://cams.example.org/lobby.mp4", "Timed out", null), SEEN);
        store.saveFromServer("staging", job(7, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://cams.example.org/lobby.mp4", "Timed out", null),
                SEEN);
        store.saveFromServer("staging", job(8, JobType.PEOPLE_COUNT, JobStatus.PENDING, "https://cams.example.org/hall.mp4", null, null), SEEN);

        assertThat(store.search("prod", JobQuery.text("lobby"))).hasSize(1);
        assertThat(ids("prod", "hall")).isEmpty();
        assertThat(ids("staging", "cams")).containsExactly(8L, 7L);
        assertThat(store.search("prod", JobQuery.all())).hasSize(1);
        assertThat(store.search("prod", JobQuery.all().withStatuses(JobStatus.PENDING))).isEmpty();

        store.forget("staging");
        assertThat(ids("staging", "cams")).isEmpty();
        assertThat(ids("prod", "cams")).containsExactly(7L);
    }

    @Test
    void filtersAloneAndWithWordsNewestFirst() {
        store.saveFromServer("prod", job(1, JobType.PEOPLE_COUNT, JobStatus.COMPLETED, "https://a.example/x.mp4", null, null), SEEN);
        store.saveFromServer("prod", job(2, JobType.POTHOLE_DETECTION, JobStatus.FAILED, "https://a.example/road.mp4", "Model crashed", null),
                SEEN);
        store.saveFromServer("prod", job(3, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://b.example/y.mp4", "Model crashed", null), SEEN);
        store.saveFromServer("prod", dead(job(4, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://b.example/z.mp4", "Worker lost", null)), SEEN);

        assertThat(search("prod", JobQuery.all().withStatuses(JobStatus.FAILED))).containsExactly(4L, 3L, 2L);
        assertThat(search("prod", JobQuery.all().withTypes(JobType.POTHOLE_DETECTION))).containsExactly(2L);
        assertThat(search("prod", JobQuery.all().deadLetters(true))).containsExactly(4L);
        assertThat(search("prod", JobQuery.text("crashed").withTypes(JobType.PEOPLE_COUNT))).containsExactly(3L);
        assertThat(search("prod", JobQuery.text("a.example").withStatuses(JobStatus.COMPLETED))).containsExactly(1L);
        assertThat(search("prod", JobQuery.text("example").withLimit(2))).containsExactly(4L, 3L);
        assertThat(search("prod", JobQuery.text("example worker").deadLetters(true))).containsExactly(4L);
    }

    @Test
    void aJobThatChangedIsFoundByItsNewTextAndNotItsOld() {
        store.saveFromServer("prod", job(5, JobType.PEOPLE_COUNT, JobStatus.PROCESSING, "https://a.example/x.mp4", null, null), SEEN);
        assertThat(ids("prod", "processing")).containsExactly(5L);

        store.saveFromServer("prod", job(5, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://a.example/x.mp4", "CUDA out of memory", "t-99"), SEEN);
        assertThat(ids("prod", "processing")).isEmpty();
        assertThat(ids("prod", "failed cuda t")).containsExactly(5L);

        Job cancelled = store.find("prod", 5).orElseThrow().withStatus(JobStatus.CANCELLED, "Cancelled here", SEEN);
        store.saveEndedHere("prod", cancelled, SEEN);
        assertThat(ids("prod", "cuda")).isEmpty();
        assertThat(ids("prod", "cancelled here")).containsExactly(5L);
        assertThat(ids("prod", "t-99")).as("kept from the server's last word").containsExactly(5L);
    }

    @Test
    void textPeopleTypeIsNeverReadAsSyntax() {
        store.saveFromServer("prod", job(1, JobType.PEOPLE_COUNT, JobStatus.FAILED, "https://a.example/a:b/(c).mp4", "\"quoted\" NEAR -x", null),
                SEEN);
        for (String text : List.of("\"", "*", "a:b", "(", "NEAR", "NEAR(a b)", "-x", "^", "job_id:1", "'", "🙂", "日本語", "x".repeat(2000),
                "\"(*:-^".repeat(300))) {
            assertThatCode(() -> store.search("prod", JobQuery.text(text))).as(text.substring(0, Math.min(40, text.length())))
                    .doesNotThrowAnyException();
        }
        assertThat(ids("prod", "a:b")).containsExactly(1L);
        assertThat(ids("prod", "\"quoted\"")).containsExactly(1L);
        assertThat(ids("prod", "-x near")).containsExactly(1L);
    }

    @Test
    void aStoreOfTheFirstSchemaGetsRowIdsAndTheIndexAndKeepsEverything() throws Exception {
        store.close();
        Path file = dir.resolve("old-remote-jobs.db");
        Job old = job(42, JobType.LOBBY_DETECTION, JobStatus.FAILED, "https://cams.example.org/front-desk.mp4", "Zone outside the frame", "tsk-1");
        String request = JobJson.mapper().writeValueAsString(JobRequest.analysis(JobType.LOBBY_DETECTION, old.youtubeUrl(), null));
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = raw.createStatement()) {
            sql.execute("""
                    CREATE TABLE remote_jobs (deployment_id TEXT NOT NULL, job_id INTEGER NOT NULL, status TEXT NOT NULL, job TEXT NOT NULL,
                        request TEXT, ended_here INTEGER NOT NULL DEFAULT 0, retry_of INTEGER, created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (deployment_id, job_id))""");
            sql.execute("CREATE INDEX remote_jobs_recent ON remote_jobs(deployment_id, created_at, job_id)");
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO remote_jobs VALUES ('prod', 42, 'failed', ?, ?, 1, 41, 5, 6, 7)")) {
                insert.setString(1, JobJson.mapper().writeValueAsString(old));
                insert.setString(2, request);
                insert.executeUpdate();
            }
            sql.execute("PRAGMA user_version=1");
        }

        try (RemoteJobStore reopened = RemoteJobStore.open(file)) {
            assertThat(reopened.search("prod", JobQuery.text("front-desk zone"))).extracting(Job::id).containsExactly(42L);
            assertThat(reopened.search("prod", JobQuery.text("lobby detection tsk"))).extracting(Job::id).containsExactly(42L);
            assertThat(reopened.request("prod", 42)).hasValueSatisfying(kept -> assertThat(kept.url()).isEqualTo(old.youtubeUrl()));
            assertThat(reopened.retriesOf("prod", 41)).extracting(Job::id).containsExactly(42L);
            reopened.saveFromServer("prod", job(42, JobType.LOBBY_DETECTION, JobStatus.COMPLETED, old.youtubeUrl(), null, null), SEEN);
            assertThat(reopened.find("prod", 42)).hasValueSatisfying(kept -> assertThat(kept.status()).as("the console ended it")
                    .isEqualTo(JobStatus.FAILED));
            reopened.saveFromServer("prod", job(43, JobType.PEOPLE_COUNT, JobStatus.PENDING, "https://cams.example.org/back.mp4", null, null), SEEN);
            assertThat(reopened.search("prod", JobQuery.text("cams"))).extracting(Job::id).containsExactly(43L, 42L);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = raw.createStatement();
                ResultSet version = sql.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).isEqualTo(RemoteJobSchema.SCHEMA_VERSION);
        }
        try (RemoteJobStore again = RemoteJobStore.open(file)) {
            assertThat(again.search("prod", JobQuery.text("cams"))).hasSize(2);
        }
    }

    private List<Long> ids(String deploymentId, String text) {
        return search(deploymentId, JobQuery.text(text));
    }

    private List<Long> search(String deploymentId, JobQuery query) {
        return store.search(deploymentId, query).stream().map(Job::id).toList();
    }

    /** A job as a server reports it, made {@code id} seconds into the day, so a higher id is newer. */
    private static Job job(long id, JobType type, JobStatus status, String url, String error, String taskId) {
        Instant created = SEEN.minusSeconds(1000 - id);
        return new Job(id, type, status, url, null, null, null, error, 1, 0, false, created, created, taskId, null, null, null);
    }

    private static Job dead(Job job) {
        return new Job(job.id(), job.type(), job.status(), job.youtubeUrl(), null, null, null, job.error(), 3, 0, true, job.createdAt(),
                job.updatedAt(), job.taskId(), null, null, null);
    }
}
