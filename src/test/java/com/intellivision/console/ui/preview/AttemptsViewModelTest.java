package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.jobs.JobListViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The attempts list, with background reads held in a queue so the test decides when they answer. */
public class AttemptsViewModelTest {

    private final JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final FakeDeployment deployment = new FakeDeployment();
    private final Map<Long, List<JobAttempt>> stored = deployment.attempts;
    private final DeploymentEntry entry = new DeploymentEntry(deployment);
    private final AttemptsViewModel attempts = new AttemptsViewModel(jobs.selectedRowProperty(),
            new TaskRunner(background::add, Runnable::run), id -> id.equals(deployment.id()) ? Optional.of(entry) : Optional.empty(),
            ZoneOffset.UTC);

    @Test
    void selectingAJobReadsItsAttemptsInTheBackground() {
        stored.put(3L, List.of(
                attempt(3, 1, "failed", T0, T0.plusMillis(840), "The file /v/clip.mp4 does not exist. Check the path."),
                attempt(3, 2, "completed", T0.plusSeconds(60), T0.plusSeconds(72), null)));

        jobs.select(jobs.apply("fake", Jobs.completedFrame(3, T0, T0.plusSeconds(72))));
        assertThat(attempts.placeholderProperty().get()).isEqualTo(AttemptsViewModel.LOADING);
        assertThat(reads()).as("not on the UI thread").isEmpty();
        background.poll().run();

        assertThat(attempts.attempts()).containsExactly(
                new AttemptRow("#1", "w2 (pid 4312)", "10:00:00", "0.8 s", "Failed", "attempt-failed",
                        "The file /v/clip.mp4 does not exist. Check the path."),
                new AttemptRow("#2", "w2 (pid 4312)", "10:01:00", "12 s", "Completed", "attempt-completed", ""));
        assertThat(attempts.placeholderProperty().get()).isEmpty();
    }

    @Test
    void aRunningAttemptHasNoDurationYet() {
        // Some stores report a running attempt's end as the epoch; it is not an end.
        stored.put(3L, List.of(attempt(3, 1, "running", T0, Instant.EPOCH, null)));

        jobs.select(jobs.apply("fake", Jobs.processing(3, T0, T0)));
        background.poll().run();

        assertThat(attempts.attempts()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("Running");
            assertThat(row.duration()).isEmpty();
        });
    }

    @Test
    void aJobThatHasNotRunSaysSo() {
        jobs.select(jobs.apply("fake", Jobs.pending(3, T0)));
        background.poll().run();

        assertThat(attempts.attempts()).isEmpty();
        assertThat(attempts.placeholderProperty().get()).isEqualTo(AttemptsViewModel.NOT_STARTED);
    }

    @Test
    void theAttemptsAreReadAgainWhenTheSelectedJobChanges() {
        JobRow row = jobs.apply("fake", Jobs.pending(3, T0));
        jobs.select(row);
        background.poll().run();
        stored.put(3L, List.of(attempt(3, 1, "running", T0.plusSeconds(1), null, null)));

        jobs.apply("fake", Jobs.processing(3, T0, T0.plusSeconds(1)));
        background.poll().run();

        assertThat(reads()).containsExactly("attempts 3", "attempts 3");
        assertThat(attempts.attempts()).extracting(AttemptRow::outcome).containsExactly("Running");
    }

    @Test
    void anAnswerForAJobNoLongerSelectedIsDropped() {
        stored.put(3L, List.of(attempt(3, 1, "failed", T0, T0.plusSeconds(1), "gone")));
        stored.put(4L, List.of(attempt(4, 1, "completed", T0, T0.plusSeconds(1), null)));
        jobs.select(jobs.apply("fake", Jobs.failed(3, T0, T0.plusSeconds(1), "gone")));
        jobs.select(jobs.apply("fake", Jobs.completedFrame(4, T0, T0.plusSeconds(1))));

        Runnable slowAnswerFor3 = background.poll();
        background.poll().run();
        slowAnswerFor3.run();

        assertThat(attempts.attempts()).extracting(AttemptRow::outcome).containsExactly("Completed");
    }

    @Test
    void aFailedReadIsShownInsteadOfTheList() {
        deployment.attemptsFailure = new IllegalStateException("the job store is locked");
        AttemptsViewModel failing = new AttemptsViewModel(jobs.selectedRowProperty(), new TaskRunner(Runnable::run, Runnable::run),
                id -> Optional.of(entry), ZoneOffset.UTC);

        jobs.select(jobs.apply("fake", Jobs.pending(3, T0)));

        assertThat(failing.placeholderProperty().get()).isEqualTo("The attempts could not be read: the job store is locked");
    }

    @Test
    void aDeploymentThatKeepsNoHistorySaysSoInsteadOfAsking() {
        deployment.capabilities = deployment.capabilities.without(Capabilities.Feature.ATTEMPT_HISTORY, "This server keeps no history of runs.");

        jobs.select(jobs.apply("fake", Jobs.failed(3, T0, T0, "gone")));

        assertThat(background).as("nothing to read").isEmpty();
        assertThat(attempts.attempts()).isEmpty();
        assertThat(attempts.placeholderProperty().get()).isEqualTo("This server keeps no history of runs.");
    }

    @Test
    void clearingTheSelectionHidesTheList() {
        jobs.select(jobs.apply("fake", Jobs.pending(3, T0)));
        jobs.select(null);
        background.forEach(Runnable::run);

        assertThat(attempts.jobShownProperty().get()).isFalse();
        assertThat(attempts.attempts()).isEmpty();
    }

    @Test
    void durationsArePreciseWhenShortAndRoundWhenLong() {
        assertThat(AttemptRow.describe(Duration.ofMillis(40))).isEqualTo("<0.1 s");
        assertThat(AttemptRow.describe(Duration.ofMillis(840))).isEqualTo("0.8 s");
        assertThat(AttemptRow.describe(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(AttemptRow.describe(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(AttemptRow.describe(Duration.ofMinutes(63))).isEqualTo("1 h 3 min");
    }

    private static JobAttempt attempt(long jobId, int number, String outcome, Instant started, Instant ended, String error) {
        return new JobAttempt(jobId, number, "w2", 4312, started, ended, outcome, error);
    }

    private List<String> reads() {
        return deployment.calls.stream().filter(call -> call.startsWith("attempts")).toList();
    }
}
