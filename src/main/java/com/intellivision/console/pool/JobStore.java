package com.intellivision.console.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs, kept in one SQLite file (WAL mode) so that none is lost when the console stops or dies.
 * Not thread-safe: the engine calls it from its one loop thread. Several processes (a console and a
 * CLI run) may share the file. Every change of a job's status is one transaction, with its attempt's
 * row, checked against {@link JobStatus}'s rules inside it: a job is claimed by one process only, and
 * a process that dies halfway leaves the job and its attempts as they were before.
 */
final class JobStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

    private final Connection connection;
    private final AttemptRecords attempts;
    private final WorkerRecords workers;
    private final BetweenHalves betweenHalves;
    private final StoreTransactions transactions;
    /** Every job up to this id is in the search index; those after are indexed by the next search. */
    private long indexedUpTo;
    private final Clock clock;

    private JobStore(Connection connection, Clock clock, BetweenHalves betweenHalves) {
        this.connection = connection;
        this.clock = clock;
        this.attempts = new AttemptRecords(connection);
        this.workers = new WorkerRecords(connection);
        this.betweenHalves = betweenHalves;
        this.transactions = new StoreTransactions(connection);
    }

    static JobStore open(Path file, Clock clock) throws IOException {
        return open(file, clock, BetweenHalves.NONE);
    }

    static JobStore open(Path file, Clock clock, BetweenHalves betweenHalves) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            JobStore store = new JobStore(connection, clock, betweenHalves);
            JobStoreSchema.prepare(connection);
            return store;
        } catch (SQLException e) {
            throw new IOException("cannot open the job store " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- jobs ----

    Job insert(JobRequest request, int priority) {
        return insert(request, priority, null);
    }

    /** A new pending job; {@code retryOf} is the job it runs again with edited inputs, or null. */
    Job insert(JobRequest request, int priority, Long retryOf) {
        long now = clock.millis();
        return queryOne("""
                INSERT INTO jobs (job_type, status, youtube_url, params, priority, retry_of, created_at, updated_at)
                VALUES (?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING *""",
                request.type().wireName(), request.url(), toJson(request.params()), priority, retryOf, now, now).orElseThrow();
    }


    Optional<Job> find(long id) {
        return queryOne("SELECT * FROM jobs WHERE id = ?", id);
    }

    /** The newest first. */
    List<Job> recent(int limit) {
        return query("SELECT * FROM jobs ORDER BY id DESC LIMIT ?", limit);
    }

    /** The jobs that match {@code query}, newest first. */
    List<Job> search(JobQuery query) {
        if (query.hasWords()) {
            try {
                indexedUpTo = JobSearchIndex.catchUp(connection, indexedUpTo);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        FullTextIndex.Select select = JobSearchIndex.select(query);
        return query(select.sql(), select.arguments());
    }

    /** Jobs that failed for good after using up their retries, newest first. */
    List<Job> deadLetters() {
        return query("SELECT * FROM jobs WHERE dead_letter = 1 ORDER BY id DESC");
    }

    /**
     * Marks the next pending job (lowest priority number, then oldest) as processing by {@code ownerPid},
     * opens its attempt, and returns it, if there is one; both or neither are stored.
     */
    Optional<Job> claimNextPending(long ownerPid, int workerId, long workerPid) {
        return transaction(() -> {
            Optional<Job> next = queryOne("SELECT * FROM jobs WHERE status = 'pending' ORDER BY priority, id LIMIT 1");
            if (next.isEmpty() || !allowed(next.get(), JobStatus.PROCESSING)) {
                return Optional.<Job>empty();
            }
            Job claimed = queryOne("""
                    UPDATE jobs SET status = 'processing', owner_pid = ?, attempts = attempts + 1, error = NULL, updated_at = ?
                    WHERE id = ? RETURNING *""", ownerPid, clock.millis(), next.get().id()).orElseThrow();
            betweenHalves.reached(BetweenHalves.Transition.CLAIM, claimed.id());
            attempts.open(claimed.id(), claimed.attempts(), workerId, workerPid, claimed.updatedAt());
            return Optional.of(claimed);
        });
    }

    Job complete(long id, ObjectNode results, String outputImage) {
        return endRunning(id, JobStatus.COMPLETED, "completed", null, """
                UPDATE jobs SET status = 'completed', results = ?, output_image = ?, error = NULL, owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", toJson(results), outputImage, clock.millis(), id);
    }

    /** Fails the job; a dead letter is a job that failed for good after its retries. */
    Job fail(long id, String error, boolean deadLetter) {
        return endRunning(id, JobStatus.FAILED, "failed", error, """
                UPDATE jobs SET status = 'failed', error = ?, dead_letter = ?, owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", error, deadLetter ? 1 : 0, clock.millis(), id);
    }

    /** A pending job is cancelled at once; returns empty if it was not pending (any more). */
    Optional<Job> cancelPending(long id) {
        return transaction(() -> find(id)
                .filter(job -> job.status() == JobStatus.PENDING && allowed(job, JobStatus.CANCELLED))
                .flatMap(job -> queryOne("""
                        UPDATE jobs SET status = 'cancelled', error = 'Cancelled before it started.', updated_at = ?
                        WHERE id = ? RETURNING *""", clock.millis(), id)));
    }

    /** Records that a running job stopped because it was cancelled. */
    Job cancelRunning(long id) {
        return endRunning(id, JobStatus.CANCELLED, "cancelled", "Cancelled while running.", """
                UPDATE jobs SET status = 'cancelled', error = 'Cancelled while running.', owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", clock.millis(), id);
    }

    /** Puts a running job back in the queue after a lost worker; its attempt keeps why. */
    Job requeue(long id, String reason) {
        return endRunning(id, JobStatus.PENDING, JobAttempt.REQUEUED, reason, """
                UPDATE jobs SET status = 'pending', error = ?, owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", reason, clock.millis(), id);
    }

    /** Puts a processing job back in the queue, as when the console closes while it runs. */
    Optional<Job> release(long id) {
        return transaction(() -> find(id).filter(job -> job.status() == JobStatus.PROCESSING).map(job -> endRunning(id, JobStatus.PENDING,
                JobAttempt.REQUEUED, "The console closed while the job ran.", """
                        UPDATE jobs SET status = 'pending', owner_pid = NULL, updated_at = ?
                        WHERE id = ? RETURNING *""", clock.millis(), id)));
    }

    /** A job that ended without a result goes back to pending; empty if it was in another state. */
    Optional<Job> retry(long id) {
        return transaction(() -> find(id).filter(job -> job.status().canBeRetried()).flatMap(job -> queryOne("""
                UPDATE jobs SET status = 'pending', dead_letter = 0, updated_at = ?
                WHERE id = ? RETURNING *""", clock.millis(), id)));
    }

    List<Job> retryAllFailed() {
        return transaction(() -> longs("SELECT id FROM jobs WHERE status = 'failed' ORDER BY id").stream()
                .flatMap(id -> retry(id).stream()).toList());
    }

    List<Job> cancelAllPending() {
        return transaction(() -> longs("SELECT id FROM jobs WHERE status = 'pending' ORDER BY id").stream()
                .flatMap(id -> cancelPending(id).stream()).toList());
    }

    /**
     * Puts back to pending the jobs left processing by consoles that are no longer running, such as
     * this one before it was killed. Returns them.
     */
    List<Job> requeueOrphans(LongPredicate ownerIsAlive) {
        return transaction(() -> {
            List<Job> orphans = new ArrayList<>();
            for (long owner : longs("SELECT DISTINCT owner_pid FROM jobs WHERE status = 'processing'")) {
                if (!ownerIsAlive.test(owner)) {
                    for (long id : longs("SELECT id FROM jobs WHERE status = 'processing' AND owner_pid = ?", owner)) {
                        orphans.add(requeue(id, "The console running this job stopped; it was queued again."));
                    }
                }
            }
            return orphans;
        });
    }

    List<JobAttempt> attempts(long jobId) {
        return attempts.of(jobId);
    }

    QueueFigures figures() {
        long now = clock.millis();
        long minuteAgo = now - Duration.ofMinutes(1).toMillis();
        long quarterAgo = now - Duration.ofMinutes(15).toMillis();
        int completed15 = count("SELECT COUNT(*) FROM jobs WHERE status = 'completed' AND updated_at >= ?", quarterAgo);
        int failed15 = count("SELECT COUNT(*) FROM jobs WHERE status = 'failed' AND updated_at >= ?", quarterAgo);
        return new QueueFigures(
                count("SELECT COUNT(*) FROM jobs WHERE status = 'pending'"),
                count("SELECT COUNT(*) FROM jobs WHERE status = 'processing'"),
                count("SELECT COUNT(*) FROM jobs WHERE status = 'completed' AND updated_at >= ?", minuteAgo),
                count("SELECT COUNT(*) FROM jobs WHERE status = 'failed' AND updated_at >= ?", minuteAgo),
                completed15 + failed15 == 0 ? 0 : (double) failed15 / (completed15 + failed15),
                count("SELECT COUNT(*) FROM jobs WHERE dead_letter = 1"));
    }

    /**
     * Ends a running job's attempt and stores its outcome with {@code sql}, in one transaction; a job the
     * rules do not let move to {@code status} is returned as it is.
     */
    private Job endRunning(long id, JobStatus status, String outcome, String error, String sql, Object... arguments) {
        return transaction(() -> {
            Job job = find(id).orElseThrow(() -> new IllegalArgumentException("no job " + id));
            if (!allowed(job, status)) {
                return job;
            }
            attempts.end(id, clock.millis(), outcome, error);
            betweenHalves.reached(BetweenHalves.Transition.END, id);
            return queryOne(sql, arguments).orElseThrow();
        });
    }

    private static boolean allowed(Job job, JobStatus next) {
        if (job.status().canMoveTo(next)) {
            return true;
        }
        LOG.warn("job {} is {}, which cannot become {}; it was left as it is", job.id(), job.status().wireName(), next.wireName());
        return false;
    }

    // ---- worker processes, so that a console that was killed can end the workers it left ----

    void registerWorker(long pid, long consolePid, Instant started) {
        workers.register(pid, consolePid, started);
    }

    void unregisterWorker(long pid) {
        workers.unregister(pid);
    }

    /** Worker processes registered by consoles that are not running; their rows are removed. */
    List<WorkerRecords.RegisteredWorker> takeWorkersOfDeadConsoles(LongPredicate consoleIsAlive) {
        return transaction(() -> workers.takeThoseOfDeadConsoles(consoleIsAlive));
    }

    private <T> T transaction(Supplier<T> change) {
        return transactions.run(change);
    }

    // ---- plumbing ----

    private Optional<Job> queryOne(String sql, Object... arguments) {
        List<Job> jobs = query(sql, arguments);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    private List<Job> query(String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments)) {
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(toJob(rows));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private List<Long> longs(String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments); ResultSet rows = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private int count(String sql, Object... arguments) {
        return longs(sql, arguments).get(0).intValue();
    }

    private void update(String sql, Object... arguments) {
        Statements.update(connection, sql, arguments);
    }

    private PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
        return Statements.prepare(connection, sql, arguments);
    }

    private static Job toJob(ResultSet row) throws SQLException {
        long retryOf = row.getLong("retry_of");
        Long original = row.wasNull() ? null : retryOf;
        return new Job(
                row.getLong("id"),
                JobType.fromWireName(row.getString("job_type")),
                JobStatus.fromWireName(row.getString("status")),
                row.getString("youtube_url"),
                fromJson(row.getString("params")),
                fromJson(row.getString("results")),
                row.getString("output_image"),
                row.getString("error"),
                row.getInt("attempts"),
                row.getInt("priority"),
                row.getInt("dead_letter") == 1,
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")),
                null, null, null, original);
    }

    private static String toJson(ObjectNode node) {
        return node == null ? null : node.toString();
    }

    private static ObjectNode fromJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) JobJson.mapper().readTree(text);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored job holds unreadable JSON: " + text, corrupt);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on the way out; WAL keeps committed jobs safe regardless.
        }
    }

    /** The store failed underneath; there is nothing a caller can do but report it. */
    static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super("the job store failed: " + cause.getMessage(), cause);
        }
    }
}
