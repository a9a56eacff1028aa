package com.intellivision.console.deployment.intellivision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.pool.FullTextIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console knows of the jobs of its remote deployments, in one SQLite file: so their lists show
 * at once when the console starts, survive restarts, and stay readable while a server is down. Each job
 * is kept as the console last saw it, with the request that made it (to retry it) and whether the
 * console itself ended it (a cancelled job the server deleted or no longer reports). Safe to share
 * between threads.
 */
public final class RemoteJobStore implements AutoCloseable {

    private final Connection connection;

    private RemoteJobStore(Connection connection) {
        this.connection = connection;
    }

    public static RemoteJobStore open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            RemoteJobSchema.prepare(connection);
            return new RemoteJobStore(connection);
        } catch (SQLException e) {
            throw new IOException("cannot open the store of remote jobs " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps {@code job} as the server reports it, unless the console ended it itself (then the
     * console's word stands). Returns the job as now kept.
     */
    public synchronized Job saveFromServer(String deploymentId, Job job, Instant seenAt) {
        Optional<Job> known = find(deploymentId, job.id());
        if (known.isPresent() && endedHere(deploymentId, job.id())) {
            touch(deploymentId, job.id(), seenAt);
            return known.get();
        }
        // What only the console knows survives the server's version: where its image is here, and what it retries.
        Job kept = job;
        if (known.isPresent()) {
            Job before = known.get();
            if (kept.outputImage() == null && before.outputImage() != null && kept.status() == before.status()) {
                kept = kept.withOutputImage(before.outputImage());
            }
            if (kept.retryOf() == null && before.retryOf() != null) {
                kept = kept.withRetryOf(before.retryOf());
            }
        }
        upsert(deploymentId, kept, false, seenAt);
        return kept;
    }

    /** Keeps a job as the console decided it is (cancelled, deleted); later server reports no longer change it. */
    public synchronized void saveEndedHere(String deploymentId, Job job, Instant at) {
        upsert(deploymentId, job, true, at);
    }

    /** Keeps the request a job was made from, to submit it again on retry. */
    public synchronized void saveRequest(String deploymentId, long jobId, JobRequest request) {
        update("UPDATE remote_jobs SET request = ? WHERE deployment_id = ? AND job_id = ?", toJson(request), deploymentId, jobId);
    }

    public synchronized Optional<Job> find(String deploymentId, long jobId) {
        List<Job> found = jobs("SELECT job FROM remote_jobs WHERE deployment_id = ? AND job_id = ?", deploymentId, jobId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public synchronized Optional<JobRequest> request(String deploymentId, long jobId) {
        try (PreparedStatement statement = prepare("SELECT request FROM remote_jobs WHERE deployment_id = ? AND job_id = ?", deploymentId, jobId);
                ResultSet row = statement.executeQuery()) {
            if (!row.next() || row.getString(1) == null) {
                return Optional.empty();
            }
            return Optional.of(JobJson.mapper().readValue(row.getString(1), JobRequest.class));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the store of remote jobs could not be read: " + e.getMessage(), e);
        }
    }

    /** The newest first. */
    public synchronized List<Job> recent(String deploymentId, int limit) {
        return jobs("SELECT job FROM remote_jobs WHERE deployment_id = ? ORDER BY created_at DESC, job_id DESC LIMIT ?", deploymentId, limit);
    }

    /** The jobs of {@code deploymentId} that match {@code query}, newest first. */
    public synchronized List<Job> search(String deploymentId, JobQuery query) {
        FullTextIndex.Select select = RemoteJobSearch.select(deploymentId, query);
        return jobs(select.sql(), select.arguments());
    }

    /** The jobs still waiting or running, as far as the console knows: the ones to keep asking about. */
    public synchronized List<Job> active(String deploymentId) {
        return jobs("SELECT job FROM remote_jobs WHERE deployment_id = ? AND status IN ('pending', 'processing') AND ended_here = 0",
                deploymentId);
    }

    /** The jobs that retry {@code jobId}, oldest first. */
    public synchronized List<Job> retriesOf(String deploymentId, long jobId) {
        return jobs("SELECT job FROM remote_jobs WHERE deployment_id = ? AND retry_of = ? ORDER BY created_at, job_id", deploymentId, jobId);
    }

    /** The queue as the console knows it: jobs waiting and running, and those that ended lately. */
    public synchronized QueueFigures figures(String deploymentId, Instant now) {
        long minuteAgo = now.minus(Duration.ofMinutes(1)).toEpochMilli();
        long quarterAgo = now.minus(Duration.ofMinutes(15)).toEpochMilli();
        int completed15 = count("completed", quarterAgo, deploymentId);
        int failed15 = count("failed", quarterAgo, deploymentId);
        return new QueueFigures(
                countActive("pending", deploymentId),
                countActive("processing", deploymentId),
                count("completed", minuteAgo, deploymentId),
                count("failed", minuteAgo, deploymentId),
                completed15 + failed15 == 0 ? 0 : (double) failed15 / (completed15 + failed15),
                0);
    }

    /** Forgets a deployment that was removed, with all its jobs. */
    public synchronized void forget(String deploymentId) {
        update("DELETE FROM remote_jobs WHERE deployment_id = ?", deploymentId);
    }

    private boolean endedHere(String deploymentId, long jobId) {
        try (PreparedStatement statement = prepare("SELECT ended_here FROM remote_jobs WHERE deployment_id = ? AND job_id = ?", deploymentId, jobId);
                ResultSet row = statement.executeQuery()) {
            return row.next() && row.getInt(1) == 1;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void touch(String deploymentId, long jobId, Instant seenAt) {
        update("UPDATE remote_jobs SET seen_at = ? WHERE deployment_id = ? AND job_id = ?", seenAt.toEpochMilli(), deploymentId, jobId);
    }

    private void upsert(String deploymentId, Job job, boolean endedHere, Instant seenAt) {
        update("""
                INSERT INTO remote_jobs (deployment_id, job_id, status, job, ended_here, retry_of, created_at, updated_at, seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (deployment_id, job_id) DO UPDATE SET
                    status = excluded.status, job = excluded.job, ended_here = excluded.ended_here, retry_of = excluded.retry_of,
                    updated_at = excluded.updated_at, seen_at = excluded.seen_at""",
                deploymentId, job.id(), job.status().wireName(), toJson(job), endedHere ? 1 : 0, job.retryOf(), millis(job.createdAt(), seenAt),
                millis(job.updatedAt(), seenAt), seenAt.toEpochMilli());
    }

    private static long millis(Instant at, Instant fallback) {
        return (at == null ? fallback : at).toEpochMilli();
    }

    private int countActive(String status, String deploymentId) {
        return count("SELECT COUNT(*) FROM remote_jobs WHERE deployment_id = ? AND status = ? AND ended_here = 0", deploymentId, status);
    }

    private int count(String status, long since, String deploymentId) {
        return count("SELECT COUNT(*) FROM remote_jobs WHERE deployment_id = ? AND status = ? AND updated_at >= ?", deploymentId, status, since);
    }

    private int count(String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments); ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<Job> jobs(String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments); ResultSet rows = statement.executeQuery()) {
            List<Job> jobs = new ArrayList<>();
            while (rows.next()) {
                jobs.add(JobJson.mapper().readValue(rows.getString(1), Job.class));
            }
            return jobs;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the store of remote jobs could not be read: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }

    private static String toJson(Object value) {
        try {
            return JobJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a job could not be written as JSON", impossible);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the store of remote jobs failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on the way out; WAL keeps what was committed.
        }
    }
}
