package com.intellivision.console.ui;

import com.intellivision.console.job.QueueFigures;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * "Retry all failed" and "Cancel all pending". Cancelling cannot be undone in one click, so the view
 * asks first, with the number of jobs it would touch as the queue's figures last reported it.
 */
public final class BulkActionsViewModel {

    /** A question to ask before an action that is not easily undone. */
    public record Confirmation(String title, String question, String detail, String confirmLabel, String keepLabel) {}

    private final TaskRunner tasks;
    private final IntSupplier retryAllFailed;
    private final IntSupplier cancelAllPending;
    private final Notices notices;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canCancelAllPending = new ReadOnlyBooleanWrapper(false);

    BulkActionsViewModel(TaskRunner tasks, IntSupplier retryAllFailed, IntSupplier cancelAllPending, Notices notices) {
        this.tasks = tasks;
        this.retryAllFailed = retryAllFailed;
        this.cancelAllPending = cancelAllPending;
        this.notices = notices;
        canCancelAllPending.bind(pending.greaterThan(0).and(working.not()));
    }

    void apply(QueueFigures figures) {
        pending.set(figures.pending());
    }

    /** What to ask before cancelling every pending job; empty when there is none to cancel. */
    public Optional<Confirmation> cancelAllPendingConfirmation() {
        int count = pending.get();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new Confirmation(
                "Cancel pending jobs",
                "Cancel " + jobs(count, "pending") + "?",
                "They will not run. Running jobs are not affected, and cancelled jobs can be retried later.",
                "Cancel " + jobs(count, ""),
                "Keep them"));
    }

    /** Cancels every pending job; call once the person has confirmed. */
    public void cancelAllPending() {
        runBulk(cancelAllPending, count -> count == 0 ? "No pending jobs to cancel" : "Cancelled " + jobs(count, "pending"),
                "Could not cancel the pending jobs");
    }

    public void retryAllFailed() {
        runBulk(retryAllFailed, count -> count == 0 ? "No failed jobs to retry" : "Queued " + jobs(count, "failed") + " again",
                "Could not retry the failed jobs");
    }

    private void runBulk(IntSupplier action, IntFunction<String> outcome, String problem) {
        working.set(true);
        tasks.run(action::getAsInt, count -> {
            working.set(false);
            notices.done(outcome.apply(count));
        }, failure -> {
            working.set(false);
            notices.problem(problem, failure);
        });
    }

    /** "1 pending job", "12 pending jobs", "3 jobs". */
    static String jobs(int count, String kind) {
        String adjective = kind.isEmpty() ? "" : kind + " ";
        return count + " " + adjective + (count == 1 ? "job" : "jobs");
    }

    /** Pending jobs, as the queue's figures last said. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** A bulk action is on its way; the buttons wait for it. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelAllPendingProperty() {
        return canCancelAllPending.getReadOnlyProperty();
    }
}
