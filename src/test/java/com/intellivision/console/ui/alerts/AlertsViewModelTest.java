package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.ui.common.SourcedEvent;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.EngineEvent.Warning;
import com.intellivision.console.ui.alerts.AlertsViewModel.Alert;
import com.intellivision.console.ui.alerts.AlertsViewModel.Kind;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public class AlertsViewModelTest {

    private static final String MEMORY_KILL = "Worker exceeded memory limit (912 MiB > 768 MiB); the worker was stopped."
            + " Try a smaller video or raise the limit.";
    private static final String LOST = "Worker lost (exit code 137, killed by signal 9 (SIGKILL, often the system's"
            + " out-of-memory killer)); the job was queued again.";

    private final MutableClock clock = new MutableClock(T0);
    private final AlertsViewModel alerts = new AlertsViewModel(clock, id -> "");

    @Test
    void aFailedJobIsAnnouncedWithTheFirstSentenceOfItsError() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(7, T0, T0, "The file /v/clip.mp4 does not exist. Check the path."));
        alerts.refresh();

        assertThat(alerts.shown()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Kind.JOB_FAILED);
            assertThat(alert.title()).isEqualTo("Job #7 failed");
            assertThat(alert.body()).isEqualTo("The file /v/clip.mp4 does not exist.");
            assertThat(alert.job().jobId()).isEqualTo(7);
        });
    }

    @Test
    void aWorkerKilledForMemoryIsNamedAsSuch() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(7, T0, T0, MEMORY_KILL));
        alerts.refresh();

        Alert alert = alerts.shown().get(0);
        assertThat(alert.kind()).isEqualTo(Kind.WORKER_KILLED);
        assertThat(alert.title()).isEqualTo("Job #7 failed: worker out of memory");
        assertThat(alert.body()).isEqualTo("Worker exceeded memory limit (912 MiB > 768 MiB).");
        assertThat(alert.jobFailure()).isTrue();
    }

    @Test
    void aLostWorkerIsAnnouncedWhenItsJobIsQueuedAgainButNotWhenSomeoneRetriesIt() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.requeued(7, T0, T0, LOST));
        alerts.refresh();
        assertThat(alerts.shown()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Kind.WORKER_LOST);
            assertThat(alert.title()).isEqualTo("Job #7 queued again");
            assertThat(alert.body()).isEqualTo("Worker lost (exit code 137, killed by signal 9 (SIGKILL, often the system's out-of-memory killer)).");
            assertThat(alert.jobFailure()).as("not a failure: the job will run again").isFalse();
        });

        clock.advance(Duration.ofSeconds(10));
        // A retried dead letter keeps its old error while pending; that is no new loss.
        alerts.jobChanged("local", JobStatus.FAILED, Jobs.requeued(8, T0, T0, LOST));
        alerts.refresh();
        assertThat(alerts.shown()).isEmpty();
    }

    @Test
    void aJobWhoseWorkerWasLostOnEveryRetryFailsForGood() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.deadLetter(7, T0, T0, "Worker lost (exit code 137). It was lost 3 times, so it will not be retried automatically."));
        alerts.refresh();

        assertThat(alerts.shown()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Kind.DEAD_LETTER);
            assertThat(alert.title()).isEqualTo("Job #7 failed for good: worker lost");
            assertThat(alert.body()).isEqualTo("Worker lost (exit code 137).");
        });
    }

    @Test
    void heardThroughTheEventsAFailureIsNewsOnceAndAStaleStateIsNone() {
        ConsoleEvents events = new ConsoleEvents();
        alerts.listenTo(events);
        alerts.knowJobs("local", List.of(Jobs.failed(1, T0, T0.plusSeconds(1), "Known before. Long ago.")));

        events.deliver(List.of(
                new SourcedEvent("local", new JobChanged(Jobs.failed(1, T0, T0.plusSeconds(1), "Known before. Long ago."))),
                new SourcedEvent("local", new JobChanged(Jobs.completedFrame(2, T0, T0.plusSeconds(5)))),
                new SourcedEvent("local", new JobChanged(Jobs.failed(2, T0, T0.plusSeconds(2), "An older state. Late."))),
                new SourcedEvent("local", new JobChanged(Jobs.failed(3, T0, T0.plusSeconds(3), "Disk full. Free some space.")))));

        assertThat(alerts.shown()).extracting(AlertsViewModel.Alert::title).containsExactly("Job #3 failed");
    }

    @Test
    void aJobAlreadyKnownToHaveFailedIsNotAnnouncedAgain() {
        alerts.jobChanged("local", JobStatus.FAILED, Jobs.failed(7, T0, T0, "gone"));
        alerts.refresh();

        assertThat(alerts.shown()).isEmpty();
    }

    @Test
    void aBurstInOneBatchBecomesOneAlert() {
        for (long id = 1; id <= 5; id++) {
            alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(id, T0, T0, "network down"));
        }
        alerts.refresh();

        assertThat(alerts.shown()).singleElement().satisfies(alert -> {
            assertThat(alert.title()).isEqualTo("5 jobs failed");
            assertThat(alert.body()).isEqualTo("Jobs #1, #2, #3, #4 and #5.");
            assertThat(alert.job().jobId()).as("the latest, for a click").isEqualTo(5);
        });
    }

    @Test
    void atMostOneAlertASecondAndWhatArrivesMeanwhileIsCollapsed() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(1, T0, T0, "network down"));
        alerts.refresh();

        clock.advance(Duration.ofMillis(300));
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(2, T0, T0, "network down"));
        alerts.refresh();
        clock.advance(Duration.ofMillis(300));
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(3, T0, T0, "network down"));
        alerts.refresh();
        assertThat(alerts.shown()).extracting(Alert::title).containsExactly("Job #1 failed");

        clock.advance(Duration.ofMillis(400));
        alerts.refresh();

        assertThat(alerts.shown()).extracting(Alert::title).containsExactly("Job #1 failed", "2 jobs failed");
        assertThat(alerts.shown().get(1).shownAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void longListsOfJobsAreShortened() {
        for (long id = 1; id <= 12; id++) {
            alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(id, T0, T0, "network down"));
        }
        alerts.refresh();

        assertThat(alerts.shown().get(0).body()).isEqualTo("Jobs #1, #2, #3, #4 and 8 more.");
    }

    @Test
    void failuresCollapsedWithOtherAlertsStillLeadWithTheFailures() {
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(1, T0, T0, "network down"));
        alerts.jobChanged("local", JobStatus.PROCESSING, Jobs.failed(2, T0, T0, "network down"));
        alerts.warning("prod", new Warning("Token expires in 10 minutes", "Sign in again."));
        alerts.refresh();

        assertThat(alerts.shown()).singleElement().satisfies(alert -> {
            assertThat(alert.title()).isEqualTo("2 jobs failed");
            assertThat(alert.body()).isEqualTo("Jobs #1 and #2 · Token expires in 10 minutes");
            assertThat(alert.kind()).isEqualTo(Kind.JOB_FAILED);
        });
    }

    @Test
    void alertsLeaveAfterEightSecondsOrWhenDismissed() {
        alerts.problem("Could not cancel job #3", "the engine is closing");
        clock.advance(Duration.ofSeconds(2));
        alerts.done("Cancelled 4 pending jobs");
        assertThat(alerts.shown()).hasSize(2);

        alerts.dismiss(alerts.shown().get(1));
        assertThat(alerts.shown()).extracting(Alert::title).containsExactly("Could not cancel job #3");

        clock.advance(Duration.ofMillis(5999));
        alerts.refresh();
        assertThat(alerts.shown()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        alerts.refresh();
        assertThat(alerts.shown()).isEmpty();
    }

    @Test
    void onlyTheNewestFewStayOnScreen() {
        for (int i = 0; i < AlertsViewModel.MAX_SHOWN + 2; i++) {
            alerts.done("Step " + i);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(alerts.shown()).extracting(Alert::title).containsExactly("Step 2", "Step 3", "Step 4", "Step 5");
    }

    @Test
    void theFirstSentenceStopsAtAFullStopOrSemicolonNotAtADotInAName() {
        assertThat(AlertsViewModel.firstSentence("The file /v/a.b.mp4 does not exist. Check the path.")).isEqualTo("The file /v/a.b.mp4 does not exist.");
        assertThat(AlertsViewModel.firstSentence("yt-dlp is missing; install it")).isEqualTo("yt-dlp is missing.");
        assertThat(AlertsViewModel.firstSentence("No full stop at all")).isEqualTo("No full stop at all");
        assertThat(AlertsViewModel.firstSentence(null)).isEmpty();
        assertThat(AlertsViewModel.firstSentence("x".repeat(400))).hasSize(180).endsWith("…");
    }

    @Test
    void listsReadAsEnglish() {
        assertThat(AlertsViewModel.listed(List.of("#1"))).isEqualTo("#1");
        assertThat(AlertsViewModel.listed(List.of("#1", "#2"))).isEqualTo("#1 and #2");
        assertThat(AlertsViewModel.listed(List.of("#1", "#2", "#3"))).isEqualTo("#1, #2 and #3");
    }
}
