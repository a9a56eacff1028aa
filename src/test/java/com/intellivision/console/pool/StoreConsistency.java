package com.intellivision.console.pool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What is wrong in a {@code jobs.db}, read straight from the file: its jobs and their attempts must agree. */
final class StoreConsistency {

    private StoreConsistency() {}

    static List<String> problems(Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement sql = connection.createStatement()) {
            try (ResultSet check = sql.executeQuery("PRAGMA integrity_check")) {
                check.next();
                if (!check.getString(1).equals("ok")) {
                    problems.add("integrity check: " + check.getString(1));
                }
            }
            try (ResultSet job = sql.executeQuery("""
                    SELECT j.id, j.status, j.attempts, j.owner_pid,
                        (SELECT COUNT(*) FROM job_attempts a WHERE a.job_id = j.id) AS rows,
                        (SELECT coalesce(max(number), 0) FROM job_attempts a WHERE a.job_id = j.id) AS last,
                        (SELECT COUNT(*) FROM job_attempts a WHERE a.job_id = j.id AND a.outcome = 'running') AS running,
                        (SELECT COUNT(*) FROM job_attempts a WHERE a.job_id = j.id AND a.outcome = 'running' AND a.ended_at IS NULL
                            AND a.number = j.attempts) AS running_last,
                        (SELECT outcome FROM job_attempts a WHERE a.job_id = j.id ORDER BY number DESC LIMIT 1) AS last_outcome
                    FROM jobs j ORDER BY j.id""")) {
                while (job.next()) {
                    String name = "job " + job.getLong("id") + " (" + job.getString("status") + ")";
                    String status = job.getString("status");
                    int attempts = job.getInt("attempts");
                    if (job.getInt("rows") != attempts || job.getInt("last") != attempts) {
                        problems.add(name + " counts " + attempts + " attempts but has " + job.getInt("rows") + " up to number " + job.getInt("last"));
                    }
                    boolean processing = status.equals("processing");
                    if (processing != (job.getInt("running") == 1 && job.getInt("running_last") == 1) || job.getInt("running") > 1) {
                        problems.add(name + " has " + job.getInt("running") + " open attempt(s)");
                    }
                    job.getLong("owner_pid");
                    if (processing == job.wasNull()) {
                        problems.add(name + (processing ? " has no owner" : " still has an owner"));
                    }
                    if ((status.equals("completed") || status.equals("failed")) && !status.equals(job.getString("last_outcome"))) {
                        problems.add(name + " ended, but its last attempt says " + job.getString("last_outcome"));
                    }
                }
            }
        }
        return problems;
    }
}
