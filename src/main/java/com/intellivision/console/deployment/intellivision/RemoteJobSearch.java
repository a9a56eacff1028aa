package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.JobQuery;
import com.intellivision.console.pool.FullTextIndex;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Searching what the console has seen of remote jobs: the full-text index of {@code remote-jobs.db},
 * read from each job as kept (its JSON), and the SQL of a {@link JobQuery} within one deployment.
 */
final class RemoteJobSearch {

    /** Each job's id, link or path, type, status, error and the task that runs it on the server. */
    private static final FullTextIndex INDEX = FullTextIndex.ofJobs("remote_jobs_fts", "remote_jobs", "row_id", new FullTextIndex.JobText(
                    "job_id", "json_extract(job, '$.youtube_url')", "json_extract(job, '$.job_type')", "status", "json_extract(job, '$.error')",
                    "json_extract(job, '$.task_id')"))
            .reindexedAfter("INSERT ON remote_jobs", "new.row_id")
            .reindexedAfter("UPDATE OF status, job ON remote_jobs", "new.row_id");

    /** As {@link RemoteJobStore#recent} lists them: by when they were made, and rows are not made in that order. */
    private static final FullTextIndex.JobColumns COLUMNS = new FullTextIndex.JobColumns("remote_jobs.job", "remote_jobs.status",
            "json_extract(remote_jobs.job, '$.job_type')", "json_extract(remote_jobs.job, '$.dead_letter') = 1",
            "remote_jobs.created_at DESC, remote_jobs.job_id DESC", false);

    private RemoteJobSearch() {}

    static void prepare(Connection connection) throws SQLException {
        INDEX.prepare(connection);
    }

    /** The statement that answers {@code query} among the jobs of {@code deploymentId}, newest first. */
    static FullTextIndex.Select select(String deploymentId, JobQuery query) {
        return INDEX.select(query, COLUMNS, "remote_jobs.deployment_id = ?", deploymentId);
    }
}
