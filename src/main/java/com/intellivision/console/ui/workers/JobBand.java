package com.intellivision.console.ui.workers;

import com.intellivision.console.job.JobType;
import com.intellivision.console.ui.common.StatusBadge;

/**
 * The time one job ran on one worker, drawn over that worker's line.
 *
 * @param startSeconds when the worker took the job, epoch seconds
 * @param endSeconds when it ended there, or NaN while it runs
 * @param outcome {@code running}, {@code completed}, {@code failed}, {@code cancelled} or {@code requeued}
 *     (the worker was lost and the job went back to the queue)
 * @param error why it did not complete, or null
 */
public record JobBand(String workerId, long jobId, JobType type, double startSeconds, double endSeconds, String outcome, String error) {

    public static final String RUNNING = "running";

    public boolean isRunning() {
        return Double.isNaN(endSeconds);
    }

    /** Its end, or {@code now} while it runs. */
    public double endOr(double now) {
        return isRunning() ? now : endSeconds;
    }

    JobBand endedAt(double at, String how, String why) {
        return new JobBand(workerId, jobId, type, startSeconds, at, how, why);
    }

    JobBand ofType(JobType known) {
        return new JobBand(workerId, jobId, known, startSeconds, endSeconds, outcome, error);
    }

    /** What hovering it tells: the job, its kind, how it went and for how long. */
    public String describe(double now) {
        long seconds = Math.round(endOr(now) - startSeconds);
        String kind = type == null ? "" : " · " + type.displayName();
        String how = isRunning() ? "Running for " : StatusBadge.capitalize(outcome) + " after ";
        String text = "Job #" + jobId + kind + " · " + how + seconds + " s on " + workerId;
        return error == null || error.isBlank() ? text : text + "\n" + error;
    }
}
