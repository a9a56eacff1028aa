package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.AnswersCounted;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.SourcedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules fed by what the deployments report, as the window hears it. */
class RuleAlertsTest {

    private static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String DIRECT = "https://cdn.example.com/clip.mp4";
    private static final long MIB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(T0);
    private final AlertsViewModel alerts = new AlertsViewModel(clock, id -> "", id -> id.equals("local") ? "Local pool" : "Prod");
    private final RuleAlerts rules = alerts.rules();
    private final ConsoleEvents events = new ConsoleEvents();
    private final List<PastAlert> fired = new ArrayList<>();
    private long nextJob = 1;

    RuleAlertsTest() {
        alerts.listenTo(events);
        rules.onFired(fired::add);
    }

    @Test
    void aFailureRateAboveFivePercentOfTwentyJobsFiresAfterItsHoldTimeAndIsKept() {
        end("local", 18, JobStatus.COMPLETED, DIRECT);
        end("local", 1, JobStatus.FAILED, DIRECT);
        clock.advance(Duration.ofMinutes(1));
        alerts.refresh();
        assertThat(fired).as("19 jobs are fewer than the rule's 20").isEmpty();

        end("local", 1, JobStatus.FAILED, DIRECT);
        clock.advance(Duration.ofSeconds(29));
        alerts.refresh();
        assertThat(fired).as("10 % of 20, but not yet for 30 s").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        alerts.refresh();
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.deployment()).isEqualTo("Local pool");
            assertThat(alert.rule()).isEqualTo("Job failure rate above 5 %");
            assertThat(alert.value()).isEqualTo("10 % of 20 jobs");
            assertThat(alert.message()).isEqualTo("10 % of the 20 jobs that ended in the last 15 minutes failed for 30 s. Open the failed jobs to see why.");
            assertThat(alert.at()).isEqualTo(T0.plusSeconds(90));
        });
        assertThat(rules.history()).containsExactlyElementsOf(fired);
        assertThat(rules.activeProperty().get()).isEqualTo("Job failure rate above 5 % on Local pool");
    }

    @Test
    void jobsThatLeaveTheFifteenMinuteWindowEndTheAlert() {
        end("local", 18, JobStatus.COMPLETED, DIRECT);
        end("local", 2, JobStatus.FAILED, DIRECT);
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();
        assertThat(rules.activeProperty().get()).isNotEmpty();

        clock.advance(Duration.ofMinutes(15));
        alerts.refresh();

        assertThat(rules.activeProperty().get()).isEmpty();
    }

    @Test
    void theYouTubeRateCountsOnlyYouTubeJobsOfRemoteDeployments() {
        end("prod", 30, JobStatus.COMPLETED, DIRECT);
        end("prod", 19, JobStatus.COMPLETED, YOUTUBE);
        end("prod", 2, JobStatus.FAILED, YOUTUBE);
        end("local", 20, JobStatus.FAILED, YOUTUBE);
        rules.change(AlertRule.Kind.JOB_FAILURE_RATE.byDefault().withEnabled(false));
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();

        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.deployment()).isEqualTo("Prod");
            assertThat(alert.rule()).isEqualTo("YouTube job failure rate above 5 %");
            assertThat(alert.value()).isEqualTo("9.5 % of 21 jobs");
        });
    }

    @Test
    void theServersFiveHundredsAreARateOfItsAnswersInTheWindow() {
        deliver("prod", new AnswersCounted(100, 0));
        clock.advance(Duration.ofMinutes(16));
        deliver("prod", new AnswersCounted(150, 1));
        alerts.refresh();
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();
        assertThat(fired).as("the first 100 answers left the window: 1 of 50 is 2 %, but 50 are enough answers").hasSize(1);
        assertThat(fired.get(0).value()).isEqualTo("2 % of 50 answers");
        assertThat(fired.get(0).message()).startsWith("2 % of the server's 50 answers in the last 15 minutes were server errors (5xx)");
    }

    @Test
    void countsHeardOutOfOrderAreNotCountedTwice() {
        deliver("prod", new AnswersCounted(10, 0));
        deliver("prod", new AnswersCounted(30, 3));
        deliver("prod", new AnswersCounted(20, 1));
        deliver("prod", new AnswersCounted(40, 3));
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();

        assertThat(fired).singleElement().satisfies(alert -> assertThat(alert.value()).isEqualTo("7.5 % of 40 answers"));
    }

    @Test
    void workerMemoryIsWatchedAgainstTheDeploymentsLimitAndStopsWithTheWorker() {
        rules.memoryLimit("local", OptionalLong.of(1000 * MIB));
        rules.memoryLimit("prod", OptionalLong.empty());
        deliver("local", new MemorySampled("w1", 42, 850 * MIB, T0));
        deliver("prod", new MemorySampled("celery@a", 43, 5000 * MIB, T0));
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();

        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.value()).isEqualTo("85 %");
            assertThat(alert.message()).startsWith("Worker w1 has used 85 % of its memory limit for 30 s.");
        });
        assertThat(rules.activeProperty().get()).isEqualTo("Worker memory above 80 % of its limit (w1) on Local pool");

        deliver("local", new WorkerChanged(WorkerInfo.single("w1", 42, WorkerState.DEAD, WorkerInfo.NO_JOB, 0, 850 * MIB)));
        alerts.refresh();
        assertThat(rules.activeProperty().get()).isEmpty();
    }

    @Test
    void aRemoteQueueIsJudgedByTheLevelSavedWithTheDeployment() {
        alerts.queueChanged("local", figures(60), 100);
        alerts.queueChanged("prod", figures(60), 100);
        clock.advance(Duration.ofSeconds(30));
        alerts.refresh();

        assertThat(fired).extracting(PastAlert::deployment, PastAlert::rule, PastAlert::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Local pool", "Queue longer than 50", "60 jobs"));
    }

    private static QueueFigures figures(int pending) {
        return new QueueFigures(pending, 0, 0, 0, 0, 0);
    }

    /** {@code count} jobs of {@code deploymentId} that end as {@code status}, heard as the engine tells them. */
    private void end(String deploymentId, int count, JobStatus status, String url) {
        for (int i = 0; i < count; i++) {
            long id = nextJob++;
            deliver(deploymentId, new JobChanged(job(id, JobStatus.PROCESSING, url)));
            deliver(deploymentId, new JobChanged(job(id, status, url)));
        }
    }

    private Job job(long id, JobStatus status, String url) {
        return new Job(id, JobType.YOUTUBE_FRAME_EXTRACTION, status, url, JobJson.mapper().createObjectNode(), null, null,
                status == JobStatus.FAILED ? "It failed." : null, 1, 0, false, T0, clock.instant().plusMillis(status == JobStatus.PROCESSING ? 0 : 1));
    }

    private void deliver(String deploymentId, com.intellivision.console.job.EngineEvent event) {
        events.deliver(List.of(new SourcedEvent(deploymentId, event)));
    }
}
