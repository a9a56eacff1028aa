package com.intellivision.console.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/** The worker processes each console started, kept in {@code jobs.db} so a console that was killed can end those it left. */
final class WorkerRecords {

    private final Connection connection;

    WorkerRecords(Connection connection) {
        this.connection = connection;
    }

    void register(long pid, long consolePid, Instant started) {
        update("INSERT OR REPLACE INTO worker_processes (pid, console_pid, started_at) VALUES (?, ?, ?)", pid, consolePid, started.toEpochMilli());
    }

    void unregister(long pid) {
        update("DELETE FROM worker_processes WHERE pid = ?", pid);
    }

    /** Worker processes registered by consoles that are not running; their rows are removed. */
    List<RegisteredWorker> takeThoseOfDeadConsoles(LongPredicate consoleIsAlive) {
        List<RegisteredWorker> left = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM worker_processes");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                if (!consoleIsAlive.test(row.getLong("console_pid"))) {
                    left.add(new RegisteredWorker(row.getLong("pid"), Instant.ofEpochMilli(row.getLong("started_at"))));
                }
            }
        } catch (SQLException e) {
            throw new JobStore.StoreException(e);
        }
        left.forEach(worker -> unregister(worker.pid()));
        return left;
    }

    record RegisteredWorker(long pid, Instant startedAt) {}

    private void update(String sql, Object... arguments) {
        Statements.update(connection, sql, arguments);
    }
}
