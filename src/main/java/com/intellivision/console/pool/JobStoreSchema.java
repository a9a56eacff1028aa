package com.intellivision.console.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables of {@code jobs.db}, made or brought up to date when the store opens. */
final class JobStoreSchema {

    /** 1: jobs only; 2: priorities, dead letters, attempts and worker processes; 3: the job a retry with edits runs again. */
    static final int SCHEMA_VERSION = 3;

    private JobStoreSchema() {}

    static void prepare(Connection connection) throws SQLException {
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
                        priority     INTEGER NOT NULL DEFAULT 0,
                        dead_letter  INTEGER NOT NULL DEFAULT 0,
                        owner_pid    INTEGER,
                        retry_of     INTEGER,
                        created_at   INTEGER NOT NULL,
                        updated_at   INTEGER NOT NULL
                    )""");
            migrate(statement);
            statement.execute("CREATE INDEX IF NOT EXISTS jobs_queue ON jobs(status, priority, id)");
            statement.execute("CREATE INDEX IF NOT EXISTS jobs_ended ON jobs(status, updated_at)");
            statement.execute("CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, id)");
            statement.execute("CREATE INDEX IF NOT EXISTS jobs_dead_letters ON jobs(dead_letter) WHERE dead_letter = 1");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS job_attempts (
                        job_id     INTEGER NOT NULL REFERENCES jobs(id),
                        number     INTEGER NOT NULL,
                        worker_id  INTEGER NOT NULL,
                        worker_pid INTEGER NOT NULL,
                        started_at INTEGER NOT NULL,
                        ended_at   INTEGER,
                        outcome    TEXT    NOT NULL,
                        error      TEXT,
                        PRIMARY KEY (job_id, number)
                    )""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS worker_processes (
                        pid         INTEGER PRIMARY KEY,
                        console_pid INTEGER NOT NULL,
                        started_at  INTEGER NOT NULL
                    )""");
            statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
        // Derived from the tables and kept by triggers in the file, so no schema version: a console that
        // knows nothing of it keeps it in step, and one that finds it missing or different makes it again.
        JobSearchIndex.prepare(connection);
    }

    /** Brings a store made by an earlier version of the console up to this one's schema. */
    private static void migrate(Statement statement) throws SQLException {
        int version;
        try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            version = row.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("the store was written by a newer version of the console (schema " + version
                    + "); use that version, or choose another --data-dir");
        }
        if (version == 1) {
            statement.execute("ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0");
            statement.execute("ALTER TABLE jobs ADD COLUMN dead_letter INTEGER NOT NULL DEFAULT 0");
        }
        if (version == 1 || version == 2) {
            // Jobs made before are no one's retry; the index of words reads none of its columns.
            statement.execute("ALTER TABLE jobs ADD COLUMN retry_of INTEGER");
        }
    }
}
