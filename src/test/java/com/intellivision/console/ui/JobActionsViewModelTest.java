package com.intellivision.console.ui;

import static com.intellivision.console.ui.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Cancel and Retry on a fake deployment; background work waits in a queue until the test runs it. */
class JobActionsViewModelTest {

    private final JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final RecordedNotices notices = new RecordedNotices();
    private RuntimeException cancelFailure;
    private Optional<Job> retryAnswer = Optional.empty();

    private final JobActionsViewModel actions = new JobActionsViewModel(jobs.selectedRowProperty(),
            new TaskRunner(background::add, Runnable::run),
            jobId -> {
                calls.add("cancel " + jobId);
                if (cancelFailure != null) {
                    throw cancelFailure;
                }
                return Optional.empty();
            },
            jobId -> {
                calls.add("retry " + jobId);
                return retryAnswer;
            },
            notices);

    @Test
    void waitingAndRunningJobsCanBeCancelledButNotRetried() {
        for (Job job : List.of(Jobs.pending(1, T0), Jobs.processing(2, T0, T0))) {
            jobs.select(jobs.apply(job));

            assertThat(actions.canCancelSelectedProperty().get()).as(job.status() + " can be cancelled").isTrue();
            assertThat(actions.canRetrySelectedProperty().get()).as(job.status() + " can be retried").isFalse();
        }
    }

    @Test
    void failedAndCancelledJobsCanBeRetriedButNotCancelled() {
        for (Job job : List.of(Jobs.failed(1, T0, T0, "no such file"), Jobs.cancelled(2, T0, T0))) {
            jobs.select(jobs.apply(job));

            assertThat(actions.canRetrySelectedProperty().get()).as(job.status() + " can be retried").isTrue();
            assertThat(actions.canCancelSelectedProperty().get()).as(job.status() + " can be cancelled").isFalse();
        }
    }

    @Test
    void aCompletedJobOrNoSelectionOffersNeither() {
        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isFalse();

        jobs.select(jobs.apply(Jobs.completedFrame(1, T0, T0)));

        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isFalse();
    }

    @Test
    void theButtonsFollowTheSelectedJobAsItChanges() {
        jobs.select(jobs.apply(Jobs.processing(1, T0, T0)));
        assertThat(actions.canCancelSelectedProperty().get()).isTrue();

        jobs.apply(Jobs.failed(1, T0, T0.plusSeconds(3), "network down"));

        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isTrue();
    }

    @Test
    void cancellingARunningJobShowsCancellingUntilItEndsAndAsksOnlyOnce() {
        JobRow row = jobs.apply(Jobs.processing(1, T0, T0));
        jobs.select(row);

        actions.cancelSelected();
        assertThat(calls).as("not before the background runs").isEmpty();
        background.poll().run();

        assertThat(calls).containsExactly("cancel 1");
        assertThat(row.statusProperty().get().text()).isEqualTo("Cancelling…");
        assertThat(row.statusProperty().get().styleClass()).isEqualTo("status-cancelling");
        assertThat(actions.canCancelSelectedProperty().get()).as("a second cancel would do nothing").isFalse();
        actions.cancelSelected();
        assertThat(background).isEmpty();

        jobs.apply(Jobs.cancelled(1, T0, T0.plusSeconds(2)));

        assertThat(row.isCancelling()).isFalse();
        assertThat(row.statusProperty().get().text()).isEqualTo("Cancelled");
        assertThat(actions.canRetrySelectedProperty().get()).isTrue();
    }

    @Test
    void aCancelThatFailsIsReportedAndCanBeTriedAgain() {
        JobRow row = jobs.apply(Jobs.processing(1, T0, T0));
        jobs.select(row);
        cancelFailure = new IllegalStateException("the engine is closing");

        actions.cancel(row);
        background.poll().run();

        assertThat(notices.problems).containsExactly("Could not cancel job #1: the engine is closing");
        assertThat(row.isCancelling()).isFalse();
        assertThat(row.statusProperty().get().text()).isEqualTo("Processing");
        assertThat(actions.canCancelSelectedProperty().get()).isTrue();
    }

    @Test
    void retryingAsksTheDeploymentOnceAndLeavesTheOutcomeToEvents() {
        JobRow row = jobs.apply(Jobs.failed(1, T0, T0, "no such file"));
        jobs.select(row);
        retryAnswer = Optional.of(Jobs.pending(1, T0));

        actions.retrySelected();
        assertThat(actions.canRetrySelectedProperty().get()).as("while the retry is on its way").isFalse();
        actions.retrySelected();
        background.forEach(Runnable::run);

        assertThat(calls).containsExactly("retry 1");
        assertThat(row.job().status()).as("the change comes as an event").isEqualTo(JobStatus.FAILED);
        assertThat(notices.problems).isEmpty();
    }

    @Test
    void aRetryTheDeploymentRefusesIsExplained() {
        JobRow row = jobs.apply(Jobs.cancelled(1, T0, T0));

        actions.retry(row);
        background.poll().run();

        assertThat(notices.problems).containsExactly("Job #1 was not retried: Only failed or cancelled jobs can be retried.");
        assertThat(actions.canRetry(row)).isTrue();
    }

    @Test
    void aContextMenuActsOnItsOwnRowWhateverIsSelected() {
        JobRow selected = jobs.apply(Jobs.completedFrame(1, T0, T0));
        JobRow other = jobs.apply(Jobs.pending(2, T0));
        jobs.select(selected);

        actions.cancel(other);
        background.poll().run();

        assertThat(calls).containsExactly("cancel 2");
    }
}
