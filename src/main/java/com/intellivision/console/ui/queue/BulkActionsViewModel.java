package com.intellivision.console.ui.queue;

import com.intellivision.console.deployment.BulkActions;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.Confirmation;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Retry all failed" and "Cancel all pending", on the deployment shown, where it offers them.
 * Cancelling cannot be undone in one click, so the view asks first, with the number of jobs it would
 * touch as the queue's figures last reported it.
 */
public final class BulkActionsViewModel {

    private final TaskRunner tasks;
    private final Notices notices;
    private final Map<String, Integer> pendingByDeployment = new HashMap<>();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canCancelAllPending = new ReadOnlyBooleanWrapper(false);
    private String shown;
    private BulkActions actions;

    public BulkActionsViewModel(TaskRunner tasks, Notices notices) {
        this.tasks = tasks;
        this.notices = notices;
        canCancelAllPending.bind(pending.greaterThan(0).and(working.not()).and(available));
    }

    /** Acts on another deployment from now on, if it has bulk actions. */
    public void show(String deploymentId, Optional<BulkActions> bulkActions, Capabilities capabilities) {
        shown = deploymentId;
        actions = bulkActions.orElse(null);
        available.set(actions != null);
        unavailableReason.set(capabilities.whyNot(Feature.BULK_ACTIONS).orElse(""));
        pending.set(pendingByDeployment.getOrDefault(deploymentId, 0));
    }

    /** Takes the queues' figures from now on. */
    public void listenTo(ConsoleEvents events) {
        events.on(QueueChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.figures()));
    }

    public void apply(String deploymentId, QueueFigures figures) {
        pendingByDeployment.put(deploymentId, figures.pending());
        if (deploymentId.equals(shown)) {
            pending.set(figures.pending());
        }
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
        runBulk(BulkActions::cancelAllPending, count -> count == 0 ? "No pending jobs to cancel" : "Cancelled " + jobs(count, "pending"),
                "Could not cancel the pending jobs");
    }

    public void retryAllFailed() {
        runBulk(BulkActions::retryAllFailed, count -> count == 0 ? "No failed jobs to retry" : "Queued " + jobs(count, "failed") + " again",
                "Could not retry the failed jobs");
    }

    private void runBulk(ToIntFunction<BulkActions> action, IntFunction<String> outcome, String problem) {
        BulkActions target = actions;
        if (target == null) {
            return;
        }
        working.set(true);
        tasks.run(() -> action.applyAsInt(target), count -> {
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

    /** Whether the deployment shown offers bulk actions. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Why it does not, for people; empty when it does. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelAllPendingProperty() {
        return canCancelAllPending.getReadOnlyProperty();
    }
}
