package com.intellivision.console.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The jobs, kept in one SQLite file (WAL mode) so that none is lost when the console stops or dies.
 * Not thread-safe: the engine calls it from its one loop thread. Several processes (a console and a
 * CLI run) may share the file: a job is claimed by an atomic update, so no two run it.
 */
final class JobStore implements AutoCloseable {

    private static final int SCHEMA_VERSION = 1;

    private final Connection connection;
    private final Clock clock;

    private JobStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    static JobStore open(Path file, Clock clock) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            JobStore store = new JobStore(connection, clock);
            store.prepareSchema();
            return store;
        } catch (SQLException e) {
            throw new IOException("cannot open the job store " + file + ": " + e.getMessage(), e);
        }
    }

    private void prepareSchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS jobs (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_type     TEXT    NOT NULL,
                        status       TEXT    NOT NULL,
                        youtube_url  TEXT    NOT NULL,
                        params       TEXT    NOT NULL,
                        results      TEXT,
                        output_image TEXT,
                        error        TEXT,
                        attempts     INTEGER NOT NULL DEFAULT 0,
                        owner_pid    INTEGER,
                        created_at   INTEGER NOT NULL,
                        updated_at   INTEGER NOT NULL
                    )""");
            statement.execute("CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, id)");
            statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
    }

    Job insert(JobRequest request) {
        long now = clock.millis();
        return queryOne("""
                INSERT INTO jobs (job_type, status, youtube_url, params, created_at, updated_at)
                VALUES (?, 'pending', ?, ?, ?, ?) RETURNING *""",
                request.type().wireName(), request.url(), toJson(request.params()), now, now).orElseThrow();
    }

    Optional<Job> find(long id) {
        return queryOne("SELECT * FROM jobs WHERE id = ?", id);
    }

    /** The newest first. */
    List<Job> recent(int limit) {
        return query("SELECT * FROM jobs ORDER BY id DESC LIMIT ?", limit);
    }

    /** Marks the oldest pending job as processing by {@code ownerPid} and returns it, if there is one. */
    Optional<Job> claimNextPending(long ownerPid) {
        return queryOne("""
                UPDATE jobs SET status = 'processing', owner_pid = ?, attempts = attempts + 1, error = NULL, updated_at = ?
                WHERE id = (SELECT id FROM jobs WHERE status = 'pending' ORDER BY id LIMIT 1) AND status = 'pending'
                RETURNING *""", ownerPid, clock.millis());
    }

    Job complete(long id, ObjectNode results, String outputImage) {
        return queryOne("""
                UPDATE jobs SET status = 'completed', results = ?, output_image = ?, error = NULL, owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", toJson(results), outputImage, clock.millis(), id).orElseThrow();
    }

    Job fail(long id, String error) {
        return queryOne("""
                UPDATE jobs SET status = 'failed', error = ?, owner_pid = NULL, updated_at = ?
                WHERE id = ? RETURNING *""", error, clock.millis(), id).orElseThrow();
    }

    /** Puts a processing job back in the queue, as when the console closes while it runs. */
    Optional<Job> release(long id) {
        return queryOne("""
                UPDATE jobs SET status = 'pending', owner_pid = NULL, updated_at = ?
                WHERE id = ? AND status = 'processing' RETURNING *""", clock.millis(), id);
    }

    /**
     * Puts back to pending the jobs left processing by consoles that are no longer running, such as
     * this one before it was killed. Returns them.
     */
    List<Job> requeueOrphans(LongPredicate ownerIsAlive) {
        List<Job> orphans = new ArrayList<>();
        for (Job job : query("SELECT * FROM jobs WHERE status = 'processing'")) {
            long owner = ownerOf(job.id());
            if (!ownerIsAlive.test(owner)) {
                queryOne("""
                        UPDATE jobs SET status = 'pending', owner_pid = NULL, updated_at = ?
                        WHERE id = ? AND status = 'processing' RETURNING *""", clock.millis(), job.id()).ifPresent(orphans::add);
            }
        }
        return orphans;
    }

    private long ownerOf(long id) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT owner_pid FROM jobs WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private Optional<Job> queryOne(String sql, Object... arguments) {
        List<Job> jobs = query(sql, arguments);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    private List<Job> query(String sql, Object... arguments) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
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

    private static Job toJob(ResultSet row) throws SQLException {
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
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
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
