package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching the local pool's store, on a real SQLite file. */
class JobSearchTest {

    private static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    /** The word of a link; not "youtube", which every frame's type has: youtube_frame_extraction. */
    private static final String WATCH = "watch";
    private static final String VIMEO = "https://vimeo.com/76979871";
    private static final String LOBBY = "/home/ana/Videos/lobby-cam-2024.mp4";

    @TempDir
    Path dir;

    private JobStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findsAJobByAFragmentOfItsLinkOrPath() {
        Job youtube = store.insert(JobRequest.frame(YOUTUBE, FrameParams.at(3.0)), 0);
        Job vimeo = store.insert(JobRequest.frame(VIMEO, null), 0);
        Job lobby = store.insert(JobRequest.count(LOBBY, null), 10);

        assertThat(ids("youtube.com/watch")).containsExactly(youtube.id());
        assertThat(ids("watch?v=dQw4w9WgXcQ")).containsExactly(youtube.id());
        assertThat(ids("vimeo")).containsExactly(vimeo.id());
        assertThat(ids("Videos/lobby-cam")).containsExactly(lobby.id());
        assertThat(ids("https")).containsExactly(vimeo.id(), youtube.id());
    }

    @Test
    void wordsMatchAsPrefixesRegardlessOfCase() {
        Job youtube = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        store.insert(JobRequest.frame(VIMEO, null), 0);

        assertThat(ids("WAT")).containsExactly(youtube.id());
        assertThat(ids("dqw4")).containsExactly(youtube.id());
        assertThat(ids("outube")).as("a word matches where a word begins, not within it").isEmpty();
    }

    @Test
    void findsAJobByAWordOfItsErrorAndItsTypeAndByItsStatusAsAFilter() {
        Job lost = store.insert(JobRequest.count(LOBBY, null), 0);
        Job frame = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        store.claimNextPending(1, 2, 1000);
        store.fail(lost.id(), "Worker lost (exit code 137, killed by signal 9)", true);

        assertThat(ids("killed")).containsExactly(lost.id());
        assertThat(ids("signal 9")).containsExactly(lost.id());
        assertThat(ids("people count")).containsExactly(lost.id());
        assertThat(ids("people-count")).containsExactly(lost.id());
        assertThat(ids("youtube_frame")).containsExactly(frame.id());
        assertThat(search(JobQuery.all().withStatuses(JobStatus.FAILED))).containsExactly(lost.id());
        assertThat(search(JobQuery.text("youtube").withStatuses(JobStatus.PENDING))).containsExactly(frame.id());
        assertThat(ids("failed")).as("a status is a filter, not a word of the job: each change would reindex it").isEmpty();
    }

    @Test
    void jobsAddedSinceTheLastSearchAreFoundOnceEvenWhenTheirErrorWasIndexedFirst() {
        Job first = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        assertThat(ids("watch")).containsExactly(first.id());
        // Ahead of the first in the queue, so it is the one claimed: only a running job fails.
        Job second = store.insert(JobRequest.count(LOBBY, null), -1);
        store.claimNextPending(1, 1, 1000);
        Job third = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        store.fail(second.id(), "moov atom not found", false);

        assertThat(ids("moov")).as("indexed by its error's trigger").containsExactly(second.id());
        assertThat(ids("watch")).as("indexed by the search, each once").containsExactly(third.id(), first.id());
        assertThat(search(JobQuery.all())).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    void findsAJobByItsId() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            jobs.add(store.insert(JobRequest.frame("clip-" + (char) ('a' + i) + ".mp4", null), 0));
        }
        Job twelfth = jobs.get(11);

        assertThat(ids(String.valueOf(twelfth.id()))).containsExactly(twelfth.id());
        assertThat(ids("1")).as("ids beginning with 1, newest first").containsExactly(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L, 1L);
    }

    @Test
    void everyWordMustMatch() {
        Job failedYoutube = store.insert(JobRequest.frame(YOUTUBE, null), -1);
        Job pendingYoutube = store.insert(JobRequest.frame(YOUTUBE + "&t=2", null), 0);
        Job failedVimeo = store.insert(JobRequest.frame(VIMEO, null), -1);
        store.claimNextPending(1, 1, 1000);
        store.claimNextPending(1, 2, 1000);
        store.fail(failedYoutube.id(), "The video could not be opened", false);
        store.fail(failedVimeo.id(), "The video could not be opened", false);

        assertThat(ids("watch opened")).containsExactly(failedYoutube.id());
        assertThat(ids("opened vimeo")).containsExactly(failedVimeo.id());
        assertThat(ids("watch opened vimeo")).isEmpty();
        assertThat(ids("watch")).containsExactly(pendingYoutube.id(), failedYoutube.id());
        assertThat(ids("youtube")).as("a frame's type is youtube_frame_extraction").containsExactly(failedVimeo.id(), pendingYoutube.id(),
                failedYoutube.id());
    }

    @Test
    void filtersAloneAndWithWords() {
        Job frame = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        Job count = store.insert(JobRequest.count(YOUTUBE, null), 10);
        Job other = store.insert(JobRequest.frame(VIMEO, null), 0);
        store.claimNextPending(1, 1, 1000);
        store.fail(frame.id(), "The server answered 404 Not Found", false);
        store.cancelPending(other.id());

        assertThat(search(JobQuery.all().withStatuses(JobStatus.FAILED))).containsExactly(frame.id());
        assertThat(search(JobQuery.all().withStatuses(JobStatus.FAILED, JobStatus.PENDING))).containsExactly(count.id(), frame.id());
        assertThat(search(JobQuery.all().withTypes(JobType.PEOPLE_COUNT))).containsExactly(count.id());
        assertThat(search(JobQuery.all().withTypes(JobType.YOUTUBE_FRAME_EXTRACTION).withStatuses(JobStatus.CANCELLED)))
                .containsExactly(other.id());
        assertThat(search(JobQuery.text(WATCH).withStatuses(JobStatus.PENDING))).containsExactly(count.id());
        assertThat(search(JobQuery.text(WATCH).withTypes(JobType.YOUTUBE_FRAME_EXTRACTION))).containsExactly(frame.id());
        assertThat(search(JobQuery.text("vimeo").withStatuses(JobStatus.FAILED))).isEmpty();
        assertThat(search(JobQuery.all())).containsExactly(other.id(), count.id(), frame.id());
        assertThat(search(JobQuery.text("  \t ").withLimit(2))).as("blank text is no words").containsExactly(other.id(), count.id());
    }

    @Test
    void onlyDeadLetters() {
        Job dead = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        Job failed = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        store.claimNextPending(1, 1, 1000);
        store.fail(dead.id(), "Worker lost (exit code 137)", true);
        store.claimNextPending(1, 1, 1000);
        store.fail(failed.id(), "Worker lost (exit code 137)", false);

        assertThat(search(JobQuery.all().deadLetters(true))).containsExactly(dead.id());
        assertThat(search(JobQuery.text("worker lost").deadLetters(true))).containsExactly(dead.id());
        assertThat(search(JobQuery.text("worker lost"))).containsExactly(failed.id(), dead.id());
    }

    @Test
    void newestFirstAndNoMoreThanTheLimit() {
        for (int i = 0; i < 30; i++) {
            store.insert(JobRequest.frame(YOUTUBE + "&n=" + i, null), 0);
        }

        assertThat(search(JobQuery.text(WATCH).withLimit(5))).containsExactly(30L, 29L, 28L, 27L, 26L);
        assertThat(search(JobQuery.all().withStatuses(JobStatus.PENDING).withLimit(3))).containsExactly(30L, 29L, 28L);
    }

    @Test
    void textPeopleTypeIsNeverReadAsSyntax() {
        Job job = store.insert(JobRequest.frame("https://example.com/a:b/(x)-y^z*\"q\"/café NEAR.mp4", null), 0);
        List<String> hostile = List.of("\"", "\"\"", "*", "a:b", "(", ")", "NEAR", "NEAR(a b)", "-x", "^", "a OR b", "a AND", "NOT",
                "col:abc", "source:example", "'", "''; DROP TABLE jobs; --", "\\", "%", "_", "{a b}", "+", "\u0000", "\u0301", "🙂",
                "𐐀", "日本語", "Ünïcödé", "x".repeat(2000), "a ".repeat(1000), "\"*:()-^".repeat(300));
        for (String text : hostile) {
            assertThatCode(() -> store.search(JobQuery.text(text))).as(text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    .doesNotThrowAnyException();
            assertThatCode(() -> store.search(JobQuery.text(text).withStatuses(JobStatus.PENDING))).doesNotThrowAnyException();
        }
        assertThat(ids("a:b")).containsExactly(job.id());
        assertThat(ids("(x)-y^z*")).containsExactly(job.id());
        assertThat(ids("\"q\"")).containsExactly(job.id());
        assertThat(ids("near")).containsExactly(job.id());
        assertThat(ids("CAFE")).as("accents are folded away").containsExactly(job.id());
        assertThat(ids("café")).containsExactly(job.id());
        assertThat(ids("\"*:()-^")).as("nothing to look for").containsExactly(job.id());
        assertThat(ids("x".repeat(2000))).isEmpty();
    }

    @Test
    void aJobThatChangedIsFoundByItsNewTextAndNotItsOld() {
        Job job = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        assertThat(search(JobQuery.text("watch").withStatuses(JobStatus.PENDING))).containsExactly(job.id());

        store.claimNextPending(1, 3, 1000);
        assertThat(search(JobQuery.text("watch").withStatuses(JobStatus.PENDING))).isEmpty();
        assertThat(search(JobQuery.text("watch").withStatuses(JobStatus.PROCESSING))).containsExactly(job.id());

        store.fail(job.id(), "moov atom not found", false);
        assertThat(search(JobQuery.text("moov").withStatuses(JobStatus.FAILED))).containsExactly(job.id());

        store.retry(job.id());
        store.claimNextPending(1, 4, 1000);
        assertThat(ids("moov")).as("a new attempt clears the error").isEmpty();

        store.complete(job.id(), null, null);
        assertThat(search(JobQuery.text("watch").withStatuses(JobStatus.COMPLETED))).containsExactly(job.id());
    }

    @Test
    void whatAnotherConsoleWritesIsFoundAndADeletedJobIsGone() throws Exception {
        try (JobStore other = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC())) {
            Job theirs = other.insert(JobRequest.frame(VIMEO, null), 0);
            assertThat(ids("vimeo")).containsExactly(theirs.id());
        }
        Job mine = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        try (Connection raw = connect(); Statement sql = raw.createStatement()) {
            sql.execute("DELETE FROM jobs WHERE id = " + mine.id());
            assertThat(ids(WATCH)).isEmpty();
            assertThat(count(sql, "SELECT COUNT(*) FROM jobs_fts")).isEqualTo(1);
        }
    }

    @Test
    void aStoreMadeBeforeTheIndexGetsItOnOpeningAndKeepsItsJobs() throws Exception {
        store.close();
        Path file = dir.resolve("before-search.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = old.createStatement()) {
            sql.execute("""
                    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, job_type TEXT NOT NULL, status TEXT NOT NULL,
                        youtube_url TEXT NOT NULL, params TEXT NOT NULL, results TEXT, output_image TEXT, error TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL DEFAULT 0, dead_letter INTEGER NOT NULL DEFAULT 0,
                        owner_pid INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""");
            sql.execute("""
                    CREATE TABLE job_attempts (job_id INTEGER NOT NULL REFERENCES jobs(id), number INTEGER NOT NULL, worker_id INTEGER NOT NULL,
                        worker_pid INTEGER NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER, outcome TEXT NOT NULL, error TEXT,
                        PRIMARY KEY (job_id, number))""");
            sql.execute("INSERT INTO jobs (job_type, status, youtube_url, params, error, attempts, dead_letter, created_at, updated_at) VALUES "
                    + "('people-count', 'failed', 'https://youtu.be/oldclip', '{}', 'Worker lost (exit code 137)', 3, 1, 0, 0), "
                    + "('youtube_frame_extraction', 'completed', '/srv/old/frame.mp4', '{}', NULL, 1, 0, 0, 0)");
            sql.execute("INSERT INTO job_attempts VALUES (1, 1, 2, 1000, 0, 0, 'failed', 'Worker lost')");
            sql.execute("PRAGMA user_version=2");
        }

        try (JobStore reopened = JobStore.open(file, Clock.systemUTC())) {
            assertThat(reopened.search(JobQuery.text("oldclip"))).singleElement().satisfies(job -> {
                assertThat(job.error()).isEqualTo("Worker lost (exit code 137)");
                assertThat(job.deadLetter()).isTrue();
                assertThat(job.attempts()).isEqualTo(3);
            });
            assertThat(reopened.search(JobQuery.text("people count 137"))).extracting(Job::id).containsExactly(1L);
            assertThat(reopened.search(JobQuery.text("srv/old").withStatuses(JobStatus.COMPLETED))).extracting(Job::id).containsExactly(2L);
            assertThat(reopened.recent(10)).hasSize(2);
            assertThat(reopened.attempts(1)).hasSize(1);
            Job added = reopened.insert(JobRequest.frame(YOUTUBE, null), 0);
            assertThat(reopened.search(JobQuery.text(WATCH))).extracting(Job::id).containsExactly(added.id());
        }
        try (JobStore again = JobStore.open(file, Clock.systemUTC())) {
            assertThat(again.search(JobQuery.text("oldclip"))).hasSize(1);
        }
    }

    @Test
    void anIndexThatIsNotTheOneThisConsoleMakesIsMadeAgain() throws Exception {
        Job before = store.insert(JobRequest.frame(YOUTUBE, null), 0);
        store.close();
        try (Connection raw = connect(); Statement sql = raw.createStatement()) {
            sql.execute("DROP TRIGGER jobs_fts_1");
            sql.execute("INSERT INTO jobs (job_type, status, youtube_url, params, created_at, updated_at) "
                    + "VALUES ('youtube_frame_extraction', 'pending', 'https://vimeo.com/unindexed', '{}', 0, 0)");
        }

        store = JobStore.open(dir.resolve("jobs.db"), Clock.systemUTC());

        assertThat(ids("unindexed")).hasSize(1);
        assertThat(ids(WATCH)).containsExactly(before.id());
        Job after = store.insert(JobRequest.frame(VIMEO + "/later", null), 0);
        assertThat(ids("later")).containsExactly(after.id());
    }

    @Test
    void aQueryOfFiltersAloneIsAnsweredByTheTablesIndexesNotTheFullTextIndex() throws Exception {
        List<JobQuery> inOrder = List.of(JobQuery.all(), JobQuery.all().withStatuses(JobStatus.FAILED), JobQuery.all().deadLetters(true),
                JobQuery.all().withStatuses(JobStatus.PENDING).withTypes(JobType.PEOPLE_COUNT), JobQuery.text("\"*:"));
        try (Connection raw = connect()) {
            for (JobQuery query : inOrder) {
                assertThat(plan(raw, JobSearchIndex.select(query))).as(query.toString()).doesNotContain("jobs_fts").doesNotContain("TEMP B-TREE");
            }
            JobQuery severalStates = JobQuery.all().withStatuses(JobStatus.PENDING, JobStatus.PROCESSING);
            assertThat(plan(raw, JobSearchIndex.select(severalStates))).doesNotContain("jobs_fts").contains("USING INDEX jobs_by_status");
            assertThat(plan(raw, JobSearchIndex.select(JobQuery.text(WATCH).withStatuses(JobStatus.FAILED))))
                    .as("words come from the index, newest first without sorting").contains("jobs_fts").doesNotContain("TEMP B-TREE");
        }
    }

    private List<Long> ids(String text) {
        return search(JobQuery.text(text));
    }

    private List<Long> search(JobQuery query) {
        return store.search(query).stream().map(Job::id).toList();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.db"));
    }

    private static int count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            return row.getInt(1);
        }
    }

    private static String plan(Connection connection, FullTextIndex.Select select) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + select.sql())) {
            for (int i = 0; i < select.arguments().length; i++) {
                statement.setObject(i + 1, select.arguments()[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
