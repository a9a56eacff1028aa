package com.intellivision.console.deployment;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import java.util.List;

/**
 * Finding stored jobs by the words of their id, link, type, status, error and worker, and by filters.
 * A remote deployment searches what the console has seen of its jobs, so it answers while the server
 * is down.
 */
public interface JobSearch {

    /** The jobs that match {@code query}, newest first, at most its limit. */
    List<Job> search(JobQuery query);
}
