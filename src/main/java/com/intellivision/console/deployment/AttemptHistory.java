package com.intellivision.console.deployment;

import com.intellivision.console.job.JobAttempt;
import java.util.List;

/** Every run of a job so far, first first, with its worker, timing and error. */
public interface AttemptHistory {

    List<JobAttempt> attempts(long jobId);
}
