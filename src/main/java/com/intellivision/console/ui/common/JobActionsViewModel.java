package com.intellivision.console.ui.common;

import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.job.Job;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Cancel and Retry, for the selected job (the preview's buttons, the Delete key) or any row (its context
 * menu), where the job's deployment offers them. Whether each applies follows the job's state. The
 * outcome is not taken from the call's answer but arrives like every other change, as the job's next
 * event, so the table and preview have one source of truth; a retry that makes a new job selects it,
 * as does a retry with changes, which always does.
 */
public final class JobActionsViewModel {

    private final TaskRunner tasks;
    private final Function<String, Optional<DeploymentEntry>> deployments;
    private final BiConsumer<String, Job> onResubmitted;
    private final Notices notices;
    /** Jobs whose retry is on its way: a second click would only be refused. */
    private final Set<JobKey> retrying = new HashSet<>();

    private final ReadOnlyBooleanWrapper canCancelSelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRetrySelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRetrySelectedWithChanges = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelOffered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper retryOffered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper cancelHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retryHint = new ReadOnlyStringWrapper("");
    private final InvalidationListener refreshOnChange = observable -> refresh();
    private JobRow selected;

    /**
     * @param deployments the deployment of each id
     * @param onResubmitted what to do with the new job a retry made (select it), on the UI thread
     */
    public JobActionsViewModel(ObservableValue<JobRow> selectedRow, TaskRunner tasks, Function<String, Optional<DeploymentEntry>> deployments,
            BiConsumer<String, Job> onResubmitted, Notices notices) {
        this.tasks = tasks;
        this.deployments = deployments;
        this.onResubmitted = onResubmitted;
        this.notices = notices;
        selectedRow.addListener((property, before, after) -> follow(after));
        follow(selectedRow.getValue());
    }

    /** A job can be cancelled while it waits or runs, once, where its deployment can cancel. */
    public boolean canCancel(JobRow row) {
        return row.job().status().canBeCancelled() && !row.isCancelling() && offers(row, Feature.CANCEL);
    }

    /** A job that ended without a result can be run again, where its deployment can retry. */
    public boolean canRetry(JobRow row) {
        return row.job().status().canBeRetried() && !retrying.contains(row.key()) && offers(row, Feature.RETRY);
    }

    /** A job that has ended, with a result or without, can be run again with changes as a new job, where its deployment can retry. */
    public boolean canRetryWithChanges(JobRow row) {
        return row.job().status().canBeRetriedWithChanges() && offers(row, Feature.RETRY);
    }

    /** The form that retries {@code row}'s job with changes; empty where it cannot be. */
    public Optional<RetryEditViewModel> retryForm(JobRow row) {
        Optional<JobControl> control = control(row);
        Optional<DeploymentEntry> entry = deployments.apply(row.deploymentId());
        if (!canRetryWithChanges(row) || control.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RetryEditViewModel(row.job(), entry.get().capabilities(), control.get(), tasks));
    }

    /** Shows the new job a retry with changes made, as a retry that resubmits does: selected. */
    public void retriedWithChanges(JobRow row, Job retry) {
        onResubmitted.accept(row.deploymentId(), retry);
    }

    /**
     * What to ask before cancelling where cancelling deletes the job on its server; empty where it only
     * stops the job, which needs no question.
     */
    public Optional<Confirmation> cancelConfirmation(JobRow row) {
        Optional<DeploymentEntry> entry = deployments.apply(row.deploymentId());
        if (entry.isEmpty() || entry.get().capabilities().cancel() != CancelEffect.DELETES_JOB) {
            return Optional.empty();
        }
        String server = entry.get().nameProperty().get();
        return Optional.of(new Confirmation(
                "Delete job #" + row.id(),
                "Cancel job #" + row.id() + " by deleting it from " + server + "?",
                server + " cancels a job by deleting it: its task is stopped and the job, with anything it produced, is removed "
                        + "from the server. The console keeps it in its list, marked cancelled. Add a Flower address to the "
                        + "deployment to cancel without deleting.",
                "Delete job",
                "Keep it"));
    }

    /** Asks the job's deployment to cancel it; a running job shows "Cancelling…" until it has stopped. */
    public void cancel(JobRow row) {
        Optional<JobControl> control = control(row);
        if (!canCancel(row) || control.isEmpty()) {
            return;
        }
        row.markCancelling();
        refresh();
        tasks.run(() -> control.get().cancel(row.id()), answer -> {}, failure -> {
            row.clearCancelling();
            refresh();
            notices.problem("Could not cancel job #" + row.id(), failure);
        });
    }

    /** Runs the job again: back in the queue with its attempts so far, or as a new job linked to it. */
    public void retry(JobRow row) {
        Optional<JobControl> control = control(row);
        if (!canRetry(row) || control.isEmpty()) {
            return;
        }
        retrying.add(row.key());
        refresh();
        tasks.run(() -> control.get().retry(row.id()), retried -> {
            retryEnded(row);
            if (retried.isEmpty()) {
                notices.problem("Job #" + row.id() + " was not retried", "Only failed or cancelled jobs can be retried.");
            } else if (retried.get().id() != row.id()) {
                onResubmitted.accept(row.deploymentId(), retried.get());
            }
        }, failure -> {
            retryEnded(row);
            notices.problem("Could not retry job #" + row.id(), failure);
        });
    }

    /** What to ask before acting on several jobs at once; empty when none of them allows it. */
    public Optional<Confirmation> manyConfirmation(List<JobRow> rows, boolean cancelling) {
        long able = rows.stream().filter(row -> cancelling ? canCancel(row) : canRetry(row)).count();
        if (able == 0) {
            return Optional.empty();
        }
        String jobs = able + (able == 1 ? " job" : " jobs");
        boolean deletes = cancelling && rows.stream().filter(this::canCancel).anyMatch(row -> cancelConfirmation(row).isPresent());
        return Optional.of(cancelling
                ? new Confirmation("Cancel " + jobs, "Cancel " + jobs + "?", deletes
                        ? "Some of them are on a server that deletes a job to cancel it, results and all." : "Running jobs stop; pending ones never start.",
                        "Cancel " + jobs, "Keep them")
                : new Confirmation("Retry " + jobs, "Retry " + jobs + "?", "Each runs again, as Retry does for one job.", "Retry " + jobs,
                        "Not now"));
    }

    /** Cancels each of {@code rows} that can be cancelled. */
    public void cancelAll(List<JobRow> rows) {
        rows.stream().filter(this::canCancel).forEach(this::cancel);
    }

    /** Retries each of {@code rows} that can be retried. */
    public void retryAll(List<JobRow> rows) {
        rows.stream().filter(this::canRetry).forEach(this::retry);
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

    /** The selected job, for the view to ask its confirmation about. */
    public Optional<JobRow> selected() {
        return Optional.ofNullable(selected);
    }

    private boolean offers(JobRow row, Feature feature) {
        return control(row).isPresent() && deployments.apply(row.deploymentId()).map(entry -> entry.capabilities().has(feature)).orElse(false);
    }

    private Optional<JobControl> control(JobRow row) {
        return deployments.apply(row.deploymentId()).flatMap(entry -> entry.deployment().jobControl());
    }

    private void retryEnded(JobRow row) {
        retrying.remove(row.key());
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
        canRetrySelectedWithChanges.set(selected != null && canRetryWithChanges(selected));
        Optional<Capabilities> capabilities = selected == null ? Optional.empty()
                : deployments.apply(selected.deploymentId()).map(DeploymentEntry::capabilities);
        cancelOffered.set(capabilities.map(offered -> offered.has(Feature.CANCEL)).orElse(true));
        retryOffered.set(capabilities.map(offered -> offered.has(Feature.RETRY)).orElse(true));
        cancelHint.set(capabilities.map(JobActionsViewModel::cancelHintOf).orElse(""));
        retryHint.set(capabilities.map(JobActionsViewModel::retryHintOf).orElse(""));
    }

    private static String cancelHintOf(Capabilities capabilities) {
        if (!capabilities.has(Feature.CANCEL)) {
            return capabilities.whyNot(Feature.CANCEL).orElse("");
        }
        return capabilities.cancel() == CancelEffect.DELETES_JOB
                ? "Stops the job and deletes it from the server (you are asked first)"
                : "Stops the job; its files are removed (Delete)";
    }

    private static String retryHintOf(Capabilities capabilities) {
        if (!capabilities.has(Feature.RETRY)) {
            return capabilities.whyNot(Feature.RETRY).orElse("");
        }
        return capabilities.retry() == RetryEffect.RESUBMITS
                ? "Submits the same inputs again as a new job, linked to this one"
                : "Puts the job back in the queue; its attempts so far are kept";
    }

    public ReadOnlyBooleanProperty canCancelSelectedProperty() {
        return canCancelSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetrySelectedProperty() {
        return canRetrySelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetrySelectedWithChangesProperty() {
        return canRetrySelectedWithChanges.getReadOnlyProperty();
    }

    /** Whether the selected job's deployment can cancel at all; the button is hidden where it cannot. */
    public ReadOnlyBooleanProperty cancelOfferedProperty() {
        return cancelOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryOfferedProperty() {
        return retryOffered.getReadOnlyProperty();
    }

    /** What Cancel does on the selected job's deployment, or why it cannot, for a tooltip. */
    public ReadOnlyStringProperty cancelHintProperty() {
        return cancelHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retryHintProperty() {
        return retryHint.getReadOnlyProperty();
    }
}
