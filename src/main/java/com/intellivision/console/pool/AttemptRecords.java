package com.intellivision.console.pool;

import com.intellivision.console.job.JobAttempt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each run of a job, one row per attempt in {@code job_attempts}. Opened and ended only within the
 * transaction that changes the job's own status, so a job and its attempts never disagree.
 */
final class AttemptRecords {

    private final Connection connection;

    AttemptRecords(Connection connection) {
        this.connection = connection;
    }

    void open(long jobId, int number, int workerId, long workerPid, Instant startedAt) {
        update("""
                INSERT OR REPLACE INTO job_attempts (job_id, number, worker_id, worker_pid, started_at, outcome)
                VALUES (?, ?, ?, ?, ?, 'running')""", jobId, number, workerId, workerPid, startedAt.toEpochMilli());
    }

    /** Ends the job's running attempt, if it has one, with {@code outcome}. */
    void end(long jobId, long endedAt, String outcome, String error) {
        update("""
                UPDATE job_attempts SET ended_at = ?, outcome = ?, error = ?
                WHERE job_id = ? AND outcome = 'running'""", endedAt, outcome, error, jobId);
    }

    List<JobAttempt> of(long jobId) {
        List<JobAttempt> attempts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM job_attempts WHERE job_id = ? ORDER BY number")) {
            statement.setLong(1, jobId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long ended = row.getLong("ended_at");
                    Instant endedAt = row.wasNull() ? null : Instant.ofEpochMilli(ended);
                    attempts.add(new JobAttempt(row.getLong("job_id"), row.getInt("number"), WorkerSlot.nameOf(row.getInt("worker_id")),
                            row.getLong("worker_pid"), Instant.ofEpochMilli(row.getLong("started_at")),
                            endedAt, row.getString("outcome"), row.getString("error")));
                }
            }
        } catch (SQLException e) {
            throw new JobStore.StoreException(e);
        }
        return attempts;
    }

    private void update(String sql, Object... arguments) {
        Statements.update(connection, sql, arguments);
    }
}
