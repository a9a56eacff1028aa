package com.intellivision.console.ui.common;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.ui.jobs.JobListViewModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Cancel and Retry on a fake deployment; background work waits in a queue until the test runs it. */
public class JobActionsViewModelTest {

    private final JobListViewModel jobs = shownFake(new JobListViewModel(new MutableClock(T0)));
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final RecordedNotices notices = new RecordedNotices();
    private RuntimeException cancelFailure;
    private Optional<Job> retryAnswer = Optional.empty();

    private final FakeDeployment deployment = new FakeDeployment();
    private final DeploymentEntry entry = new DeploymentEntry(deployment);
    private final List<Job> resubmitted = new ArrayList<>();
    private final JobActionsViewModel actions = new JobActionsViewModel(jobs.selectedRowProperty(),
            new TaskRunner(background::add, Runnable::run), id -> id.equals("fake") ? Optional.of(entry) : Optional.empty(),
            (deploymentId, job) -> resubmitted.add(job), notices);

    {
        deployment.onCancel = jobId -> {
            calls.add("cancel " + jobId);
            if (cancelFailure != null) {
                throw cancelFailure;
            }
            return Optional.empty();
        };
        deployment.onRetry = jobId -> {
            calls.add("retry " + jobId);
            return retryAnswer;
        };
    }

    @Test
    void severalJobsAreRetriedOrCancelledAtOnceAfterOneQuestion() {
        JobRow failed = jobs.apply("fake", Jobs.failed(1, T0, T0, "Disk full."));
        JobRow alsoFailed = jobs.apply("fake", Jobs.failed(2, T0, T0, "Disk full."));
        JobRow pending = jobs.apply("fake", Jobs.pending(3, T0));
        List<JobRow> chosen = List.of(failed, alsoFailed, pending);

        assertThat(actions.manyConfirmation(chosen, false)).hasValueSatisfying(question -> assertThat(question.confirmLabel()).isEqualTo("Retry 2 jobs"));
        assertThat(actions.manyConfirmation(chosen, true)).hasValueSatisfying(question -> assertThat(question.confirmLabel()).isEqualTo("Cancel 1 job"));
        assertThat(actions.manyConfirmation(List.of(pending), false)).as("nothing to retry").isEmpty();

        actions.retryAll(chosen);
        actions.cancelAll(chosen);
        background.forEach(Runnable::run);

        assertThat(calls).containsExactlyInAnyOrder("retry 1", "retry 2", "cancel 3");
    }

    @Test
    void waitingAndRunningJobsCanBeCancelledButNotRetried() {
        for (Job job : List.of(Jobs.pending(1, T0), Jobs.processing(2, T0, T0))) {
            jobs.select(jobs.apply("fake", job));

            assertThat(actions.canCancelSelectedProperty().get()).as(job.status() + " can be cancelled").isTrue();
            assertThat(actions.canRetrySelectedProperty().get()).as(job.status() + " can be retried").isFalse();
        }
    }

    @Test
    void failedAndCancelledJobsCanBeRetriedButNotCancelled() {
        for (Job job : List.of(Jobs.failed(1, T0, T0, "no such file"), Jobs.cancelled(2, T0, T0))) {
            jobs.select(jobs.apply("fake", job));

            assertThat(actions.canRetrySelectedProperty().get()).as(job.status() + " can be retried").isTrue();
            assertThat(actions.canCancelSelectedProperty().get()).as(job.status() + " can be cancelled").isFalse();
        }
    }

    @Test
    void aCompletedJobOrNoSelectionOffersNeither() {
        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isFalse();

        jobs.select(jobs.apply("fake", Jobs.completedFrame(1, T0, T0)));

        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isFalse();
    }

    @Test
    void theButtonsFollowTheSelectedJobAsItChanges() {
        jobs.select(jobs.apply("fake", Jobs.processing(1, T0, T0)));
        assertThat(actions.canCancelSelectedProperty().get()).isTrue();

        jobs.apply("fake", Jobs.failed(1, T0, T0.plusSeconds(3), "network down"));

        assertThat(actions.canCancelSelectedProperty().get()).isFalse();
        assertThat(actions.canRetrySelectedProperty().get()).isTrue();
    }

    @Test
    void cancellingARunningJobShowsCancellingUntilItEndsAndAsksOnlyOnce() {
        JobRow row = jobs.apply("fake", Jobs.processing(1, T0, T0));
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

        jobs.apply("fake", Jobs.cancelled(1, T0, T0.plusSeconds(2)));

        assertThat(row.isCancelling()).isFalse();
        assertThat(row.statusProperty().get().text()).isEqualTo("Cancelled");
        assertThat(actions.canRetrySelectedProperty().get()).isTrue();
    }

    @Test
    void aCancelThatFailsIsReportedAndCanBeTriedAgain() {
        JobRow row = jobs.apply("fake", Jobs.processing(1, T0, T0));
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
        JobRow row = jobs.apply("fake", Jobs.failed(1, T0, T0, "no such file"));
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
        JobRow row = jobs.apply("fake", Jobs.cancelled(1, T0, T0));

        actions.retry(row);
        background.poll().run();

        assertThat(notices.problems).containsExactly("Job #1 was not retried: Only failed or cancelled jobs can be retried.");
        assertThat(actions.canRetry(row)).isTrue();
    }

    @Test
    void aContextMenuActsOnItsOwnRowWhateverIsSelected() {
        JobRow selected = jobs.apply("fake", Jobs.completedFrame(1, T0, T0));
        JobRow other = jobs.apply("fake", Jobs.pending(2, T0));
        jobs.select(selected);

        actions.cancel(other);
        background.poll().run();

        assertThat(calls).containsExactly("cancel 2");
    }

    @Test
    void whereCancellingDeletesTheJobPeopleAreAskedFirstAndToldSo() {
        deployment.capabilities = deployment.capabilities.withCancel(CancelEffect.DELETES_JOB);
        JobRow row = jobs.apply("fake", Jobs.processing(1, T0, T0));
        jobs.select(row);

        Confirmation question = actions.cancelConfirmation(row).orElseThrow();

        assertThat(question.question()).isEqualTo("Cancel job #1 by deleting it from Fake pool?");
        assertThat(question.detail()).contains("removed from the server").contains("Flower");
        assertThat(question.confirmLabel()).isEqualTo("Delete job");
        assertThat(actions.cancelHintProperty().get()).contains("deletes it from the server");
    }

    @Test
    void whereCancellingOnlyStopsTheJobNothingIsAsked() {
        assertThat(actions.cancelConfirmation(jobs.apply("fake", Jobs.processing(1, T0, T0)))).isEmpty();
    }

    @Test
    void aRetryThatMakesANewJobSelectsIt() {
        deployment.capabilities = deployment.capabilities.withRetry(RetryEffect.RESUBMITS);
        JobRow row = jobs.apply("fake", Jobs.failed(1, T0, T0, "no such file"));
        jobs.select(row);
        retryAnswer = Optional.of(Jobs.pending(2, T0.plusSeconds(5)).withRetryOf(1L));

        actions.retrySelected();
        background.forEach(Runnable::run);

        assertThat(resubmitted).extracting(Job::id).containsExactly(2L);
        assertThat(actions.retryHintProperty().get()).contains("as a new job");
    }

    @Test
    void aDeploymentThatCannotCancelOrRetryHidesBothWithItsReason() {
        deployment.capabilities = deployment.capabilities.without(Feature.CANCEL, "This deployment cannot cancel jobs.")
                .without(Feature.RETRY, "This deployment cannot retry jobs.");
        jobs.select(jobs.apply("fake", Jobs.failed(1, T0, T0, "gone")));

        assertThat(actions.cancelOfferedProperty().get()).isFalse();
        assertThat(actions.retryOfferedProperty().get()).isFalse();
        assertThat(actions.cancelHintProperty().get()).isEqualTo("This deployment cannot cancel jobs.");
        assertThat(actions.retryHintProperty().get()).isEqualTo("This deployment cannot retry jobs.");
    }

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
