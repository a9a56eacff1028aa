package com.intellivision.console.pool;

import com.intellivision.console.job.JobQuery;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Searching {@code jobs.db}: the full-text index of its jobs, and the SQL of a {@link JobQuery}. A
 * query with words is answered from the index, newest first straight from its rowids (the jobs' ids);
 * one with only filters from the table's own indexes.
 */
final class JobSearchIndex {

    /**
     * Each job's id, link or path, type and error. Not its status, which the table's own column filters,
     * nor its workers: a job's status changes at every step, and each change reindexed would cost every
     * job several writes to the index. New jobs are not indexed as they are added either, which cost job
     * creation a third of its rate at a serve: each search first indexes those added since the last
     * ({@link #catchUp}), in one statement. A changed error is reindexed by its trigger.
     */
    private static final FullTextIndex INDEX = FullTextIndex.ofJobs("jobs_fts", "jobs", "id", new FullTextIndex.JobText("id", "youtube_url",
                    "job_type", "''", "error", "''"))
            .reindexedAfter("UPDATE OF job_type, youtube_url, error ON jobs", "new.id");

    private static final FullTextIndex.JobColumns COLUMNS = new FullTextIndex.JobColumns("jobs.*", "jobs.status", "jobs.job_type",
            "jobs.dead_letter = 1", "jobs.id DESC", true);

    private JobSearchIndex() {}

    /** Makes the index, or makes it again filled from the jobs, once the tables are there. */
    static void prepare(Connection connection) throws SQLException {
        INDEX.prepare(connection);
    }

    /** Indexes the jobs added since {@code indexedUpTo}; returns the id up to which all are indexed. */
    static long catchUp(Connection connection, long indexedUpTo) throws SQLException {
        return INDEX.catchUp(connection, indexedUpTo);
    }

    /** The statement that answers {@code query}, newest first, and its arguments. */
    static FullTextIndex.Select select(JobQuery query) {
        return INDEX.select(query, COLUMNS, null);
    }
}
