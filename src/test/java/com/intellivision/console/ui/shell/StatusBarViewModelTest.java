package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.FakeDeployment;
import java.util.List;
import org.junit.jupiter.api.Test;

public class StatusBarViewModelTest {

    private static final long MIB = 1024 * 1024;

    private final StatusBarViewModel status = new StatusBarViewModel();

    {
        status.show(new DeploymentEntry(new FakeDeployment()));
    }

    @Test
    void summarisesWorkersByState() {
        status.showAll("fake", List.of(worker(1, 101, WorkerState.BUSY, 7), worker(2, 102, WorkerState.IDLE, WorkerInfo.NO_JOB)));

        assertThat(status.workersSummaryProperty().get()).isEqualTo("2 workers: 1 busy, 1 idle");

        status.apply("fake", worker(3, -1, WorkerState.STARTING, WorkerInfo.NO_JOB));
        status.apply("fake", worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB));

        assertThat(status.workersSummaryProperty().get()).isEqualTo("3 workers: 2 idle, 1 starting");
    }

    @Test
    void saysSoWhenThereAreNoWorkersAndUsesTheSingularForOne() {
        status.showAll("fake", List.of());
        assertThat(status.workersSummaryProperty().get()).isEqualTo("No workers");

        status.apply("fake", worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB));
        assertThat(status.workersSummaryProperty().get()).isEqualTo("1 worker: 1 idle");
    }

    @Test
    void showsEachWorkersLatestMemoryInMebibytes() {
        status.showAll("fake", List.of(worker(1, 101, WorkerState.BUSY, 7), worker(2, 102, WorkerState.IDLE, WorkerInfo.NO_JOB)));

        status.applyMemory("fake", new MemorySampled("w1", 101, 100 * MIB, T0));
        status.applyMemory("fake", new MemorySampled("w2", 102, 97 * MIB, T0));
        status.applyMemory("fake", new MemorySampled("w1", 101, 142 * MIB, T0.plusSeconds(1)));

        assertThat(status.memorySummaryProperty().get()).isEqualTo("w1 142 MiB · w2 97 MiB");
    }

    @Test
    void aSampleOfAReplacedProcessDoesNotCountForTheNewOne() {
        status.apply("fake", worker(1, 101, WorkerState.BUSY, 7));
        status.applyMemory("fake", new MemorySampled("w1", 101, 300 * MIB, T0));

        status.apply("fake", worker(1, 202, WorkerState.IDLE, WorkerInfo.NO_JOB));

        assertThat(status.memorySummaryProperty().get()).isEmpty();
        status.applyMemory("fake", new MemorySampled("w1", 202, 90 * MIB, T0.plusSeconds(2)));
        assertThat(status.memorySummaryProperty().get()).isEqualTo("w1 90 MiB");
    }

    @Test
    void theInitialListDoesNotOverrideWhatEventsAlreadySaid() {
        status.apply("fake", worker(1, 101, WorkerState.BUSY, 7));

        status.showAll("fake", List.of(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB), worker(2, 102, WorkerState.IDLE, WorkerInfo.NO_JOB)));

        assertThat(status.workersSummaryProperty().get()).isEqualTo("2 workers: 1 busy, 1 idle");
    }

    @Test
    void detailsNameTheJobAndPeakOfEachWorker() {
        status.apply("fake", WorkerInfo.single("w1", 101, WorkerState.BUSY, 7, 120 * MIB, 180 * MIB));

        assertThat(status.workersDetailsProperty().get()).isEqualTo("w1: busy on job #7, pid 101, 120 MiB (peak 180 MiB)");
    }

    @Test
    void recyclingWorkersAreCountedAndRetiredOnesLeave() {
        status.showAll("fake", List.of(worker(1, 101, WorkerState.RECYCLING, WorkerInfo.NO_JOB), worker(2, 102, WorkerState.IDLE, WorkerInfo.NO_JOB)));
        assertThat(status.workersSummaryProperty().get()).isEqualTo("2 workers: 1 idle, 1 recycling");

        status.apply("fake", worker(2, 102, WorkerState.STOPPING, WorkerInfo.NO_JOB));
        status.apply("fake", worker(2, 102, WorkerState.DEAD, WorkerInfo.NO_JOB));

        assertThat(status.workersSummaryProperty().get()).isEqualTo("1 worker: 1 recycling");
    }

    private static WorkerInfo worker(int id, long pid, WorkerState state, long jobId) {
        return WorkerInfo.single("w" + id, pid, state, jobId, 0, 0);
    }
}
