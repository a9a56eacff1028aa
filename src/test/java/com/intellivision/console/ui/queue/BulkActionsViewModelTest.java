package com.intellivision.console.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.Confirmation;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

public class BulkActionsViewModelTest {

    private final FakeDeployment deployment = new FakeDeployment();
    private final RecordedNotices notices = new RecordedNotices();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final BulkActionsViewModel bulk = shown(new BulkActionsViewModel(new TaskRunner(background::add, Runnable::run), notices));

    private BulkActionsViewModel shown(BulkActionsViewModel viewModel) {
        viewModel.show(deployment.id(), deployment.bulkActions(), deployment.capabilities());
        return viewModel;
    }

    @Test
    void theConfirmationCountsThePendingJobsTheFiguresReport() {
        bulk.apply("fake", figures(12));

        Confirmation question = bulk.cancelAllPendingConfirmation().orElseThrow();

        assertThat(question.question()).isEqualTo("Cancel 12 pending jobs?");
        assertThat(question.confirmLabel()).isEqualTo("Cancel 12 jobs");
        assertThat(question.keepLabel()).isEqualTo("Keep them");
        assertThat(question.detail()).contains("Running jobs are not affected");

        bulk.apply("fake", figures(1));
        assertThat(bulk.cancelAllPendingConfirmation().orElseThrow().question()).isEqualTo("Cancel 1 pending job?");
    }

    @Test
    void withNothingPendingThereIsNothingToConfirmOrCancel() {
        bulk.apply("fake", figures(0));

        assertThat(bulk.cancelAllPendingConfirmation()).isEmpty();
        assertThat(bulk.canCancelAllPendingProperty().get()).isFalse();

        bulk.apply("fake", figures(3));
        assertThat(bulk.canCancelAllPendingProperty().get()).isTrue();
    }

    @Test
    void cancellingAllPendingRunsInTheBackgroundAndSaysHowManyWereCancelled() {
        bulk.apply("fake", figures(12));
        deployment.pendingToCancel = 11;

        bulk.cancelAllPending();
        assertThat(bulk.canCancelAllPendingProperty().get()).as("while it runs").isFalse();
        assertThat(deployment.calls).isEmpty();
        background.poll().run();

        assertThat(deployment.calls).containsExactly("cancelAllPending");
        assertThat(notices.done).containsExactly("Cancelled 11 pending jobs");
        assertThat(bulk.workingProperty().get()).isFalse();
    }

    @Test
    void retryingAllFailedSaysHowManyWentBackToTheQueue() {
        deployment.failedToRetry = 1;
        bulk.retryAllFailed();
        background.poll().run();

        deployment.failedToRetry = 0;
        bulk.retryAllFailed();
        background.poll().run();

        assertThat(deployment.calls).containsExactly("retryAllFailed", "retryAllFailed");
        assertThat(notices.done).containsExactly("Queued 1 failed job again", "No failed jobs to retry");
    }

    @Test
    void aBulkActionThatFailsIsReported() {
        deployment.bulkFailure = new IllegalStateException("the job store is locked");
        BulkActionsViewModel failing = shown(new BulkActionsViewModel(new TaskRunner(Runnable::run, Runnable::run), notices));

        failing.retryAllFailed();

        assertThat(notices.problems).containsExactly("Could not retry the failed jobs: the job store is locked");
        assertThat(failing.workingProperty().get()).isFalse();
    }

    @Test
    void aDeploymentWithoutBulkActionsOffersNoneAndSaysWhy() {
        deployment.capabilities = deployment.capabilities.without(Capabilities.Feature.BULK_ACTIONS, "Retry or cancel its jobs one by one.");
        BulkActionsViewModel none = shown(new BulkActionsViewModel(new TaskRunner(Runnable::run, Runnable::run), notices));
        none.apply("fake", figures(5));

        none.retryAllFailed();

        assertThat(none.availableProperty().get()).isFalse();
        assertThat(none.unavailableReasonProperty().get()).isEqualTo("Retry or cancel its jobs one by one.");
        assertThat(none.canCancelAllPendingProperty().get()).as("however many are pending").isFalse();
        assertThat(deployment.calls).isEmpty();
    }

    @Test
    void eachDeploymentKeepsItsOwnPendingCount() {
        bulk.apply("fake", figures(12));
        bulk.apply("other", figures(3));

        assertThat(bulk.pendingProperty().get()).as("the shown deployment's").isEqualTo(12);
        bulk.show("other", deployment.bulkActions(), deployment.capabilities());
        assertThat(bulk.pendingProperty().get()).isEqualTo(3);
    }

    private static QueueFigures figures(int pending) {
        return new QueueFigures(pending, 2, 30, 1, 0.03, 0);
    }
}
