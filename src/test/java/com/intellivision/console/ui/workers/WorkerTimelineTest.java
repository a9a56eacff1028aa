package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Frame;
import com.intellivision.console.ui.workers.WorkerMarker.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jobs' bands and the workers' markers, from the events in the order the engine sends them: a job
 * claimed (processing), then its worker busy with it; the job's end, then its worker's.
 */
public class WorkerTimelineTest {

    private static final long MIB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryChartViewModel chart = new MemoryChartViewModel(clock);

    {
        chart.show("local");
    }

    @Test
    void aJobRunOnAWorkerIsABandFromItsClaimToItsEnd() {
        jobStarts(7, 1);
        clock.advance(Duration.ofSeconds(20));
        chart.job("local", Jobs.completedFrame(7, T0, clock.instant()));
        chart.worker("local", worker(1, WorkerState.IDLE, WorkerInfo.NO_JOB), 0);

        JobBand band = frame().bands().get(0);
        assertThat(frame().bands()).hasSize(1);
        assertThat(band.workerId()).isEqualTo("w1");
        assertThat(band.jobId()).isEqualTo(7);
        assertThat(band.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
        assertThat(band.startSeconds()).isEqualTo(seconds(T0));
        assertThat(band.endSeconds()).isEqualTo(seconds(T0.plusSeconds(20)));
        assertThat(band.outcome()).isEqualTo("completed");
        assertThat(band.describe(0)).contains("Job #7", JobType.YOUTUBE_FRAME_EXTRACTION.displayName(), "Completed", "20 s", "w1");
    }

    @Test
    void aRunningJobsBandReachesNowAndEndsWhenItFails() {
        jobStarts(8, 2);
        clock.advance(Duration.ofSeconds(5));

        JobBand running = frame().bands().get(0);
        assertThat(running.isRunning()).isTrue();
        assertThat(running.endOr(frame().toSeconds())).isEqualTo(seconds(clock.instant()));

        clock.advance(Duration.ofSeconds(5));
        chart.job("local", Jobs.failed(8, T0, clock.instant(), "The video could not be opened: it does not exist."));
        JobBand failed = frame().bands().get(0);
        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.endSeconds()).isEqualTo(seconds(T0.plusSeconds(10)));
        assertThat(failed.describe(0)).contains("Failed", "it does not exist");
    }

    @Test
    void eachJobOnAWorkerHasItsOwnBandAndOtherWorkersTheirs() {
        jobStarts(1, 1);
        jobStarts(2, 2);
        clock.advance(Duration.ofSeconds(3));
        jobEnds(1, 1);
        jobStarts(3, 1);
        clock.advance(Duration.ofSeconds(3));
        jobEnds(3, 1);

        assertThat(frame().bands()).extracting(JobBand::workerId, JobBand::jobId, JobBand::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("w1", 1L, "completed"),
                org.assertj.core.groups.Tuple.tuple("w2", 2L, JobBand.RUNNING),
                org.assertj.core.groups.Tuple.tuple("w1", 3L, "completed"));
    }

    @Test
    void aWorkerKilledForItsMemoryIsMarkedWithItsJobsError() {
        jobStarts(9, 1);
        clock.advance(Duration.ofSeconds(4));
        String error = "Worker exceeded memory limit (2100 MiB > 2048 MiB); the worker was stopped. Try a smaller video or raise the limit.";
        chart.job("local", Jobs.failed(9, T0, clock.instant(), error));
        chart.worker("local", worker(1, WorkerState.DEAD, WorkerInfo.NO_JOB), 2100 * MIB);

        WorkerMarker marker = frame().markers().get(0);
        assertThat(frame().markers()).hasSize(1);
        assertThat(marker.kind()).isEqualTo(Kind.KILLED);
        assertThat(marker.atSeconds()).isEqualTo(seconds(clock.instant()));
        assertThat(marker.reason()).contains("job #9", "exceeded memory limit");
        assertThat(frame().bands().get(0).outcome()).isEqualTo("failed");
    }

    @Test
    void aWorkerLostMidJobIsMarkedAndItsJobShownAsRequeued() {
        jobStarts(10, 1);
        clock.advance(Duration.ofSeconds(2));
        chart.job("local", Jobs.requeued(10, T0, clock.instant(), "Worker lost (exit code 137, killed by signal 9); the job was queued again."));
        chart.worker("local", worker(1, WorkerState.DEAD, WorkerInfo.NO_JOB), 0);

        assertThat(frame().markers()).singleElement().satisfies(marker -> {
            assertThat(marker.kind()).isEqualTo(Kind.LOST);
            assertThat(marker.reason()).contains("job #10", "signal 9");
        });
        assertThat(frame().bands()).singleElement().extracting(JobBand::outcome).isEqualTo("requeued");
    }

    @Test
    void aWorkerRecycledAboveTheSoftLimitSaysSo() {
        chart.limits("local", new WorkerMemoryLimits(1024 * MIB, 2048 * MIB));
        jobStarts(11, 1);
        clock.advance(Duration.ofSeconds(3));
        chart.job("local", Jobs.completedFrame(11, T0, clock.instant()));
        chart.worker("local", worker(1, WorkerState.RECYCLING, WorkerInfo.NO_JOB), 1100 * MIB);

        assertThat(frame().markers()).singleElement().satisfies(marker -> {
            assertThat(marker.kind()).isEqualTo(Kind.RECYCLED);
            assertThat(marker.reason()).contains("job #11", "1100 MiB", "soft limit of 1024 MiB");
        });
        // The recycled process ending, as it was asked to, is no second event to mark.
        chart.worker("local", worker(1, WorkerState.DEAD, WorkerInfo.NO_JOB), 0);
        assertThat(frame().markers()).hasSize(1);
    }

    @Test
    void aWorkerRecycledBelowTheSoftLimitRanItsShareOfJobs() {
        chart.limits("local", new WorkerMemoryLimits(1024 * MIB, 2048 * MIB));
        jobStarts(12, 1);
        jobEnds(12, 1);
        chart.worker("local", worker(1, WorkerState.RECYCLING, WorkerInfo.NO_JOB), 300 * MIB);

        assertThat(frame().markers()).singleElement().extracting(WorkerMarker::reason).asString().contains("share of jobs");
    }

    @Test
    void aWorkerThatLeavesThePoolIsNoAccident() {
        chart.worker("local", worker(1, WorkerState.IDLE, WorkerInfo.NO_JOB), 0);
        chart.worker("local", worker(1, WorkerState.STOPPING, WorkerInfo.NO_JOB), 0);
        chart.worker("local", worker(1, WorkerState.DEAD, WorkerInfo.NO_JOB), 0);

        assertThat(frame().markers()).isEmpty();
    }

    @Test
    void aJobAlreadyRunningWhenTheConsoleLookedHasABandThatLearnsItsKind() {
        chart.worker("local", worker(1, WorkerState.BUSY, 15), 0);
        assertThat(frame().bands()).singleElement().satisfies(band -> {
            assertThat(band.type()).isNull();
            assertThat(band.describe(seconds(T0.plusSeconds(3)))).startsWith("Job #15 · Running for 3 s");
        });

        clock.advance(Duration.ofSeconds(2));
        chart.job("local", processing(15, T0.minusSeconds(30)));

        assertThat(frame().bands()).singleElement().satisfies(band -> {
            assertThat(band.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
            assertThat(band.startSeconds()).as("from when the console learned of it").isEqualTo(seconds(T0));
        });
        chart.job("local", Jobs.completedFrame(15, T0, clock.instant()));
        assertThat(frame().bands()).singleElement().extracting(JobBand::outcome).isEqualTo("completed");
    }

    @Test
    void choosingABandSelectsItsJobOnTheDeploymentShown() {
        List<JobKey> chosen = new ArrayList<>();
        chart.onJobChosen(chosen::add);
        jobStarts(13, 1);

        chart.choose(frame().bands().get(0));

        assertThat(chosen).containsExactly(new JobKey("local", 13));
    }

    @Test
    void bandsThatEndedBeforeTheWindowAreNotDrawn() {
        jobStarts(14, 1);
        jobEnds(14, 1);
        clock.advance(Duration.ofMinutes(20));
        chart.add("local", new MemorySampled("w1", 101, 100 * MIB, clock.instant()));

        assertThat(frame().bands()).isEmpty();
        chart.windowProperty().set(MemoryChartViewModel.Window.ONE_HOUR);
        assertThat(frame().bands()).extracting(JobBand::jobId).containsExactly(14L);
    }

    private void jobStarts(long jobId, int workerId) {
        chart.job("local", processing(jobId, clock.instant()));
        chart.worker("local", worker(workerId, WorkerState.BUSY, jobId), 0);
    }

    private void jobEnds(long jobId, int workerId) {
        chart.job("local", Jobs.completedFrame(jobId, T0, clock.instant()));
        chart.worker("local", worker(workerId, WorkerState.IDLE, WorkerInfo.NO_JOB), 0);
    }

    private static Job processing(long jobId, Instant at) {
        Job job = Jobs.processing(jobId, T0, at);
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
        return job;
    }

    private static WorkerInfo worker(int id, WorkerState state, long jobId) {
        return WorkerInfo.single("w" + id, 100 + id, state, jobId, 0, 0);
    }

    private Frame frame() {
        chart.flush();
        return chart.frameProperty().get();
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
