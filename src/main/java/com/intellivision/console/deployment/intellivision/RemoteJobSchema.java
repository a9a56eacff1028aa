package com.intellivision.console.deployment.intellivision;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables of {@code remote-jobs.db}, made or brought up to date when the store opens. */
final class RemoteJobSchema {

    /** 1: jobs keyed by deployment and id; 2: each row with an id of its own, which its index of words uses. */
    static final int SCHEMA_VERSION = 2;

    private static final String TABLE = "remote_jobs";
    private static final String BEFORE_ROW_IDS = "remote_jobs_before_row_ids";
    private static final String COLUMNS = "deployment_id, job_id, status, job, request, ended_here, retry_of, created_at, updated_at, seen_at";

    private RemoteJobSchema() {}

    static void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
            if (lacksRowIds(statement)) {
                giveRowsIds(statement);
            }
            createTable(statement);
            statement.execute("CREATE INDEX IF NOT EXISTS remote_jobs_recent ON remote_jobs(deployment_id, created_at, job_id)");
            statement.execute("CREATE INDEX IF NOT EXISTS remote_jobs_status ON remote_jobs(deployment_id, status, updated_at)");
            statement.execute("CREATE INDEX IF NOT EXISTS remote_jobs_retries ON remote_jobs(deployment_id, retry_of) WHERE retry_of IS NOT NULL");
            statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
        RemoteJobSearch.prepare(connection);
    }

    /**
     * The rows of the first schema have only SQLite's implicit rowid, which VACUUM may renumber, so an
     * index keyed by it could point at the wrong jobs; they are copied, every column, into a table
     * whose {@code row_id} is an alias of the rowid and so lasts. In one transaction: a failure leaves
     * the file as it was.
     */
    private static void giveRowsIds(Statement statement) throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
        try {
            if (lacksRowIds(statement)) {
                statement.execute("ALTER TABLE " + TABLE + " RENAME TO " + BEFORE_ROW_IDS);
                createTable(statement);
                statement.execute("INSERT INTO " + TABLE + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + BEFORE_ROW_IDS);
                // Its indexes go with it; they are made again on the new table.
                statement.execute("DROP TABLE " + BEFORE_ROW_IDS);
            }
            statement.execute("COMMIT");
        } catch (SQLException | RuntimeException failed) {
            statement.execute("ROLLBACK");
            throw failed;
        }
    }

    private static void createTable(Statement statement) throws SQLException {
        statement.execute("""
                CREATE TABLE IF NOT EXISTS remote_jobs (
                    row_id        INTEGER PRIMARY KEY,
                    deployment_id TEXT    NOT NULL,
                    job_id        INTEGER NOT NULL,
                    status        TEXT    NOT NULL,
                    job           TEXT    NOT NULL,
                    request       TEXT,
                    ended_here    INTEGER NOT NULL DEFAULT 0,
                    retry_of      INTEGER,
                    created_at    INTEGER NOT NULL,
                    updated_at    INTEGER NOT NULL,
                    seen_at       INTEGER NOT NULL,
                    UNIQUE (deployment_id, job_id)
                )""");
    }

    /** Whether the table is there, as the first schema made it. */
    private static boolean lacksRowIds(Statement statement) throws SQLException {
        boolean exists = false;
        try (ResultSet columns = statement.executeQuery("PRAGMA table_info(" + TABLE + ")")) {
            while (columns.next()) {
                exists = true;
                if (columns.getString("name").equals("row_id")) {
                    return false;
                }
            }
        }
        return exists;
    }
}
