package com.intellivision.console.ui.common;

import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import java.util.Optional;

/** Reads a completed job's results as a frame, the one place the UI looks inside a frame's result JSON. */
public final class FrameResults {

    private FrameResults() {}

    /** The frame a job produced, or empty if it has not completed or has no image to show. */
    public static Optional<FrameResult> of(Job job) {
        if (job.status() != JobStatus.COMPLETED || job.results() == null) {
            return Optional.empty();
        }
        try {
            FrameResult result = JobJson.mapper().convertValue(job.results(), FrameResult.class);
            return result.frameUrl() == null || result.frameUrl().isBlank() ? Optional.empty() : Optional.of(result);
        } catch (IllegalArgumentException unreadable) {
            // Results of another shape (another job type, a newer server) simply have no frame to show.
            return Optional.empty();
        }
    }

    /**
     * The frame to show, as a URL an image can load: the job's image on this machine (a server's is
     * downloaded first), else the results' own where it is a full URL, else null.
     */
    public static String imageUrlOf(Job job, FrameResult result) {
        if (job.outputImage() != null && !job.outputImage().isBlank()) {
            return JobImages.urlOf(job.outputImage());
        }
        return JobImages.isUrl(result.frameUrl()) ? result.frameUrl() : null;
    }
}
