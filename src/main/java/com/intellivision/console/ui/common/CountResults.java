package com.intellivision.console.ui.common;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.PeopleCountResult;
import java.util.Optional;

/** Reads a completed people count's results, the counterpart of {@link FrameResults}. */
public final class CountResults {

    private CountResults() {}

    /** The count a job produced, or empty if it is not a completed count or its results cannot be read. */
    public static Optional<PeopleCountResult> of(Job job) {
        if (job.type() != JobType.PEOPLE_COUNT || job.status() != JobStatus.COMPLETED || job.results() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JobJson.mapper().convertValue(job.results(), PeopleCountResult.class));
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            // Results of another shape (a newer server, missing lists) have no count to show.
            return Optional.empty();
        }
    }
}
