package com.intellivision.console.ui;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Cancel and Retry, for the selected job (the preview's buttons, the Delete key) or any row (its context
 * menu). Whether each applies follows the job's state. The outcome is not taken from the call's answer
 * but arrives like every other change, as the job's next event, so the table and preview have one
 * source of truth.
 */
public final class JobActionsViewModel {

    /** One of the deployment's calls on a single job. */
    @FunctionalInterface
    interface JobCommand {
        Optional<Job> apply(long jobId);
    }

    private final TaskRunner tasks;
    private final JobCommand cancel;
    private final JobCommand retry;
    private final Notices notices;
    /** Jobs whose retry is on its way: a second click would only be refused. */
    private final Set<Long> retrying = new HashSet<>();

    private final ReadOnlyBooleanWrapper canCancelSelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRetrySelected = new ReadOnlyBooleanWrapper(false);
    private final InvalidationListener refreshOnChange = observable -> refresh();
    private JobRow selected;

    JobActionsViewModel(ObservableValue<JobRow> selectedRow, TaskRunner tasks, JobCommand cancel, JobCommand retry,
            Notices notices) {
        this.tasks = tasks;
        this.cancel = cancel;
        this.retry = retry;
        this.notices = notices;
        selectedRow.addListener((property, before, after) -> follow(after));
        follow(selectedRow.getValue());
    }

    /** A job can be cancelled while it waits or runs, once. */
    public boolean canCancel(JobRow row) {
        JobStatus status = row.job().status();
        return (status == JobStatus.PENDING || status == JobStatus.PROCESSING) && !row.isCancelling();
    }

    /** A job that ended without a result can be queued again. */
    public boolean canRetry(JobRow row) {
        JobStatus status = row.job().status();
        return (status == JobStatus.FAILED || status == JobStatus.CANCELLED) && !retrying.contains(row.id());
    }

    /** Asks the deployment to cancel the job; a running job shows "Cancelling…" until it has stopped. */
    public void cancel(JobRow row) {
        if (!canCancel(row)) {
            return;
        }
        row.markCancelling();
        refresh();
        tasks.run(() -> cancel.apply(row.id()), answer -> {}, failure -> {
            row.clearCancelling();
            refresh();
            notices.problem("Could not cancel job #" + row.id(), failure);
        });
    }

    /** Puts the job back in the queue; it keeps its attempts so far. */
    public void retry(JobRow row) {
        if (!canRetry(row)) {
            return;
        }
        retrying.add(row.id());
        refresh();
        tasks.run(() -> retry.apply(row.id()), retried -> {
            retryEnded(row);
            if (retried.isEmpty()) {
                notices.problem("Job #" + row.id() + " was not retried", "Only failed or cancelled jobs can be retried.");
            }
        }, failure -> {
            retryEnded(row);
            notices.problem("Could not retry job #" + row.id(), failure);
        });
    }

    public void cancelSelected() {
        if (selected != null) {
            cancel(selected);
        }
    }

    public void retrySelected() {
        if (selected != null) {
            retry(selected);
        }
    }

    private void retryEnded(JobRow row) {
        retrying.remove(row.id());
        refresh();
    }

    private void follow(JobRow row) {
        if (selected != null) {
            selected.jobProperty().removeListener(refreshOnChange);
            selected.cancellingProperty().removeListener(refreshOnChange);
        }
        selected = row;
        if (row != null) {
            row.jobProperty().addListener(refreshOnChange);
            row.cancellingProperty().addListener(refreshOnChange);
        }
        refresh();
    }

    private void refresh() {
        canCancelSelected.set(selected != null && canCancel(selected));
        canRetrySelected.set(selected != null && canRetry(selected));
    }

    public ReadOnlyBooleanProperty canCancelSelectedProperty() {
        return canCancelSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetrySelectedProperty() {
        return canRetrySelected.getReadOnlyProperty();
    }
}
