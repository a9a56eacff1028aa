package com.intellivision.console.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Transactions on the store's connection. Each is {@code BEGIN IMMEDIATE}, which takes the file's write
 * lock at once, so another process's change cannot come between a change's reads and its writes (a
 * deferred one could fail halfway with SQLITE_BUSY instead). A change run within one joins it. The index
 * of words, kept by triggers, changes within the same transaction.
 */
final class StoreTransactions {

    private final Connection connection;
    private boolean open;

    StoreTransactions(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code change} in one transaction: all of it is stored, or, if it throws, none. */
    <T> T run(Supplier<T> change) {
        if (open) {
            return change.get();
        }
        execute("BEGIN IMMEDIATE");
        open = true;
        try {
            T result = change.get();
            execute("COMMIT");
            return result;
        } catch (RuntimeException failed) {
            try {
                execute("ROLLBACK");
            } catch (JobStore.StoreException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        } finally {
            open = false;
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new JobStore.StoreException(e);
        }
    }
}
