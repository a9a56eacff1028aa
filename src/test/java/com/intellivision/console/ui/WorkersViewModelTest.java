package com.intellivision.console.ui;

import static com.intellivision.console.ui.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

class WorkersViewModelTest {

    private static final long MIB = 1024 * 1024;

    private final FakeDeployment deployment = new FakeDeployment();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final WorkersViewModel workers = new WorkersViewModel(new MutableClock(T0.plusSeconds(60)),
            new TaskRunner(background::add, Runnable::run), id -> deployment.workerMonitor().orElseThrow().memoryHistory(id));

    @Test
    void aRowPerWorkerWithItsStateJobAndMemory() {
        workers.showAll(List.of(worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB), worker(1, 101, WorkerState.BUSY, 7)));
        workers.applyMemory(new MemorySampled("w1", 101, 142 * MIB, T0));

        assertThat(workers.rows()).extracting(WorkerRow::name, WorkerRow::pidText, WorkerRow::stateText, WorkerRow::jobText, WorkerRow::memoryText)
                .containsExactly(
                        tuple("w1", "101", "Busy", "#7", "142 MiB"),
                        tuple("w2", "202", "Idle", "—", "—"));
    }

    @Test
    void thePeakIsTheHighestSampleOfTheCurrentProcess() {
        workers.apply(worker(1, 101, WorkerState.BUSY, 7));
        workers.applyMemory(new MemorySampled("w1", 101, 300 * MIB, T0));
        workers.applyMemory(new MemorySampled("w1", 101, 120 * MIB, T0.plusSeconds(1)));
        assertThat(workers.rows().get(0).peakText()).isEqualTo("300 MiB");

        // Recycled: a new process starts from nothing.
        workers.apply(worker(1, 202, WorkerState.STARTING, WorkerInfo.NO_JOB));
        workers.applyMemory(new MemorySampled("w1", 202, 80 * MIB, T0.plusSeconds(3)));
        assertThat(workers.rows().get(0).peakText()).isEqualTo("80 MiB");
    }

    @Test
    void aRecyclingWorkerIsShownAsSuch() {
        workers.apply(worker(1, 101, WorkerState.RECYCLING, WorkerInfo.NO_JOB));

        assertThat(workers.rows().get(0).stateText()).isEqualTo("Recycling");
        assertThat(workers.rows().get(0).stateStyleClass()).isEqualTo("worker-recycling");
    }

    @Test
    void aWorkerThatStopsForGoodLeavesTheTableAndTheChart() {
        workers.apply(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB));
        workers.apply(worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB));
        workers.applyMemory(new MemorySampled("w2", 202, 90 * MIB, T0));

        workers.apply(worker(2, 202, WorkerState.STOPPING, WorkerInfo.NO_JOB));
        workers.apply(worker(2, 202, WorkerState.DEAD, WorkerInfo.NO_JOB));

        assertThat(workers.rows()).extracting(WorkerRow::id).containsExactly("w1");
        assertThat(workers.memoryChart().series()).extracting(XYChart.Series::getName).doesNotContain("w2");
    }

    @Test
    void aWorkerThatDiesWhileWorkingStaysToBeRestarted() {
        workers.apply(worker(1, 101, WorkerState.BUSY, 7));

        workers.apply(worker(1, 101, WorkerState.DEAD, WorkerInfo.NO_JOB));

        assertThat(workers.rows()).extracting(WorkerRow::stateText).containsExactly("Dead");
    }

    @Test
    void theChartIsFilledWithEachListedWorkersHistoryReadInTheBackground() {
        deployment.memoryHistories.put("w1", List.of(new MemorySampled("w1", 101, 100 * MIB, T0), new MemorySampled("w1", 101, 110 * MIB, T0.plusSeconds(30))));

        workers.showAll(List.of(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB), worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB)));
        assertThat(deployment.calls).as("not on the UI thread").isEmpty();
        background.forEach(Runnable::run);

        assertThat(deployment.calls).containsExactly("memoryHistory w1", "memoryHistory w2");
        assertThat(workers.memoryChart().series()).singleElement().satisfies(series -> assertThat(series.getData()).hasSize(2));
    }

    @Test
    void theInitialListDoesNotOverrideWhatEventsAlreadySaid() {
        workers.apply(worker(1, 101, WorkerState.BUSY, 7));

        workers.showAll(List.of(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB)));

        assertThat(workers.rows()).extracting(WorkerRow::stateText).containsExactly("Busy");
    }

    private static WorkerInfo worker(int id, long pid, WorkerState state, long jobId) {
        return WorkerInfo.single("w" + id, pid, state, jobId, 0, 0);
    }
}
