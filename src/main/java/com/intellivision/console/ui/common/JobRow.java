package com.intellivision.console.ui.common;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.JobStatus;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the jobs table. The row stays the same object for the life of its job and its properties
 * change underneath, so the table keeps its selection and scroll position while jobs move along.
 */
public final class JobRow {

    private final JobKey key;
    private final ReadOnlyObjectWrapper<Job> job;
    private final ReadOnlyObjectWrapper<JobProgress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<ProgressDetails.LiveFrame> liveFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatusBadge> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");

    public JobRow(String deploymentId, Job job, Instant now) {
        this.key = new JobKey(deploymentId, job.id());
        this.job = new ReadOnlyObjectWrapper<>(job);
        refreshStatus();
        refreshAge(now);
    }

    /**
     * Whether {@code candidate} is a later state of the job than {@code current}. Events and the
     * initial listing race each other, so an older state may arrive after a newer one and must lose:
     * the later update time wins, and at the same instant the state further along wins.
     */
    public static boolean supersedes(Job candidate, Job current) {
        if (candidate.updatedAt() != null && current.updatedAt() != null) {
            int byTime = candidate.updatedAt().compareTo(current.updatedAt());
            if (byTime != 0) {
                return byTime > 0;
            }
        }
        return stage(candidate.status()) >= stage(current.status());
    }

    private static int stage(JobStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case PROCESSING -> 1;
            case COMPLETED, FAILED, CANCELLED -> 2;
        };
    }

    /** Takes {@code candidate} if it is newer than what the row shows; returns whether it did. */
    public boolean update(Job candidate) {
        if (!supersedes(candidate, job.get())) {
            return false;
        }
        if (candidate.status() != JobStatus.PROCESSING) {
            // Progress belongs to one run; a retried or finished job starts without it.
            progress.set(null);
            previewUrl.set(null);
            liveFrame.set(null);
        }
        if (candidate.isTerminal()) {
            cancelling.set(false);
        }
        job.set(candidate);
        refreshStatus();
        return true;
    }

    public void showProgress(JobProgress report) {
        if (job.get().isTerminal()) {
            return;
        }
        // The preview usually comes once, early in the run: keep it while later reports have none.
        String preview = previewUrlOf(report);
        if (preview != null) {
            previewUrl.set(preview);
        }
        // A count's frame comes with every other report or so: keep the last one until the next.
        if (report.details() != null && report.details().liveFrame() != null) {
            liveFrame.set(report.details().liveFrame());
        }
        progress.set(report);
        refreshStatus();
    }

    /**
     * Shows that someone asked the job to stop. A running job takes a moment (up to a couple of
     * seconds) to stop, and the row says so until the engine reports the job ended.
     */
    public void markCancelling() {
        if (!job.get().isTerminal()) {
            cancelling.set(true);
            refreshStatus();
        }
    }

    /** The cancellation could not be asked for after all. */
    void clearCancelling() {
        cancelling.set(false);
        refreshStatus();
    }

    public void refreshAge(Instant now) {
        refreshAge(now, TimeDisplay.RELATIVE, ZoneId.systemDefault());
    }

    /** Shows when the job was made as {@code display} says. */
    public void refreshAge(Instant now, TimeDisplay display, ZoneId zone) {
        age.set(display.format(job.get().createdAt(), now, zone));
    }

    private void refreshStatus() {
        status.set(cancelling.get() ? StatusBadge.cancelling(job.get().status()) : StatusBadge.of(job.get().status(), progress.get()));
    }

    /** The job's id within its deployment. */
    public long id() {
        return key.jobId();
    }

    public String deploymentId() {
        return key.deploymentId();
    }

    public JobKey key() {
        return key;
    }

    public Job job() {
        return job.get();
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** The latest progress report of the current run, or null if there is none. */
    public ReadOnlyObjectProperty<JobProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The image to show while the current run works (the video's thumbnail), or null if none came. */
    /** The frame a running count analysed last, with its people, or null. */
    public ReadOnlyObjectProperty<ProgressDetails.LiveFrame> liveFrameProperty() {
        return liveFrame.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewUrlProperty() {
        return previewUrl.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusBadge> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True from a cancel request until the job ends. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public boolean isCancelling() {
        return cancelling.get();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "JobRow[" + key.deploymentId() + "#" + key.jobId() + " " + job.get().status().wireName() + "]";
    }

    /** The image a progress report offers to show while the job runs, or null. */
    public static String previewUrlOf(JobProgress progress) {
        return progress.details() == null ? null : progress.details().previewUrl();
    }
}
