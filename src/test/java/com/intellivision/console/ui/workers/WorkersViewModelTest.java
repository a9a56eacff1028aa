package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.WorkerPoolControl;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class WorkersViewModelTest {

    private static final long MIB = 1024 * 1024;

    private final FakeDeployment deployment = new FakeDeployment();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final RecordedNotices notices = new RecordedNotices();
    private final WorkersViewModel workers = new WorkersViewModel(new MutableClock(T0.plusSeconds(60)),
            new TaskRunner(background::add, Runnable::run), (deploymentId, id) -> deployment.workerMonitor().orElseThrow().memoryHistory(id),
            notices);

    {
        workers.show("fake", deployment.capabilities(), Optional.empty());
    }

    @Test
    void aRowPerWorkerWithItsStateJobAndMemory() {
        workers.showAll("fake", List.of(worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB), worker(1, 101, WorkerState.BUSY, 7)));
        workers.applyMemory("fake", new MemorySampled("w1", 101, 142 * MIB, T0));

        assertThat(workers.rows()).extracting(WorkerRow::name, WorkerRow::pidText, WorkerRow::stateText, WorkerRow::jobText, WorkerRow::memoryText)
                .containsExactly(
                        tuple("w1", "101", "Busy", "#7", "142 MiB"),
                        tuple("w2", "202", "Idle", "—", "—"));
    }

    @Test
    void thePeakIsTheHighestSampleOfTheCurrentProcess() {
        workers.apply("fake", worker(1, 101, WorkerState.BUSY, 7));
        workers.applyMemory("fake", new MemorySampled("w1", 101, 300 * MIB, T0));
        workers.applyMemory("fake", new MemorySampled("w1", 101, 120 * MIB, T0.plusSeconds(1)));
        assertThat(workers.rows().get(0).peakText()).isEqualTo("300 MiB");

        // Recycled: a new process starts from nothing.
        workers.apply("fake", worker(1, 202, WorkerState.STARTING, WorkerInfo.NO_JOB));
        workers.applyMemory("fake", new MemorySampled("w1", 202, 80 * MIB, T0.plusSeconds(3)));
        assertThat(workers.rows().get(0).peakText()).isEqualTo("80 MiB");
    }

    @Test
    void aRecyclingWorkerIsShownAsSuch() {
        workers.apply("fake", worker(1, 101, WorkerState.RECYCLING, WorkerInfo.NO_JOB));

        assertThat(workers.rows().get(0).stateText()).isEqualTo("Recycling");
        assertThat(workers.rows().get(0).stateStyleClass()).isEqualTo("worker-recycling");
    }

    @Test
    void aWorkerThatStopsForGoodLeavesTheTableAndTheChart() {
        workers.apply("fake", worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB));
        workers.apply("fake", worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB));
        workers.applyMemory("fake", new MemorySampled("w2", 202, 90 * MIB, T0));

        workers.apply("fake", worker(2, 202, WorkerState.STOPPING, WorkerInfo.NO_JOB));
        workers.apply("fake", worker(2, 202, WorkerState.DEAD, WorkerInfo.NO_JOB));

        assertThat(workers.rows()).extracting(WorkerRow::id).containsExactly("w1");
        assertThat(linesDrawn()).extracting(WorkerLine::workerId).doesNotContain("w2");
    }

    @Test
    void aWorkerThatDiesWhileWorkingStaysToBeRestarted() {
        workers.apply("fake", worker(1, 101, WorkerState.BUSY, 7));

        workers.apply("fake", worker(1, 101, WorkerState.DEAD, WorkerInfo.NO_JOB));

        assertThat(workers.rows()).extracting(WorkerRow::stateText).containsExactly("Dead");
    }

    @Test
    void theChartIsFilledWithEachListedWorkersHistoryReadInTheBackground() {
        deployment.memoryHistories.put("w1", List.of(new MemorySampled("w1", 101, 100 * MIB, T0), new MemorySampled("w1", 101, 110 * MIB, T0.plusSeconds(30))));

        workers.showAll("fake", List.of(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB), worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB)));
        assertThat(deployment.calls).as("not on the UI thread").isEmpty();
        background.forEach(Runnable::run);

        assertThat(deployment.calls).containsExactly("memoryHistory w1", "memoryHistory w2");
        assertThat(linesDrawn()).singleElement().satisfies(line -> assertThat(line.size()).isEqualTo(2));
    }

    @Test
    void theInitialListDoesNotOverrideWhatEventsAlreadySaid() {
        workers.apply("fake", worker(1, 101, WorkerState.BUSY, 7));

        workers.showAll("fake", List.of(worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB)));

        assertThat(workers.rows()).extracting(WorkerRow::stateText).containsExactly("Busy");
    }

    @Test
    void aDeploymentThatReportsNoWorkersSaysWhyAndHowToSeeThem() {
        workers.show("prod", Capabilities.full(Set.of()).without(Feature.WORKERS, "This server does not report its workers."),
                Optional.empty());

        assertThat(workers.availableProperty().get()).isFalse();
        assertThat(workers.unavailableReasonProperty().get()).isEqualTo("This server does not report its workers.");
    }

    @Test
    void celeryWorkersShowTheirPoolsAndTheirPeakMemoryForWhatItIs() {
        List<String> resized = new ArrayList<>();
        WorkerPoolControl pools = new WorkerPoolControl() {
            @Override
            public void grow(String workerId, int processes) {
                resized.add("grow " + workerId + " " + processes);
            }

            @Override
            public void shrink(String workerId, int processes) {
                resized.add("shrink " + workerId + " " + processes);
            }
        };
        workers.show("prod", Capabilities.full(Set.of()).withMemory(MemoryReading.PEAK_OF_MAIN_PROCESS), Optional.of(pools));
        workers.apply("prod", new WorkerInfo("celery@gpu", 4242, WorkerState.BUSY, 7, 3, 4, 512 * MIB, 512 * MIB));

        assertThat(workers.rows()).extracting(WorkerRow::name, WorkerRow::jobText, WorkerRow::processesText)
                .containsExactly(tuple("celery@gpu", "#7 and 2 more", "4"));
        assertThat(workers.chartTitleProperty().get()).isEqualTo(WorkersViewModel.PEAK_TITLE);
        assertThat(workers.resizableProperty().get()).isTrue();

        workers.resize(workers.rows().get(0), 1);
        workers.resize(workers.rows().get(0), -1);
        background.forEach(Runnable::run);
        assertThat(resized).containsExactly("grow celery@gpu 1", "shrink celery@gpu 1");
    }

    @Test
    void eachDeploymentsWorkersAreKeptApartAndShownWhenItIs() {
        workers.apply("fake", worker(1, 101, WorkerState.IDLE, WorkerInfo.NO_JOB));
        workers.apply("prod", new WorkerInfo("celery@a", 1, WorkerState.IDLE, WorkerInfo.NO_JOB, 0, 2, 0, 0));

        assertThat(workers.rows()).extracting(WorkerRow::id).containsExactly("w1");
        workers.show("prod", Capabilities.full(Set.of()), Optional.empty());
        assertThat(workers.rows()).extracting(WorkerRow::id).containsExactly("celery@a");
    }

    private static WorkerInfo worker(int id, long pid, WorkerState state, long jobId) {
        return WorkerInfo.single("w" + id, pid, state, jobId, 0, 0);
    }

    @Test
    void aWorkersCurrentJobCanBeShownInTheConsole() {
        List<JobKey> chosen = new ArrayList<>();
        workers.onJobChosen(chosen::add);
        workers.apply("fake", worker(1, 101, WorkerState.BUSY, 7));
        workers.apply("fake", worker(2, 202, WorkerState.IDLE, WorkerInfo.NO_JOB));

        workers.chooseCurrentJob(workers.rows().get(1));
        workers.chooseCurrentJob(workers.rows().get(0));

        assertThat(chosen).as("an idle worker has none").containsExactly(new JobKey("fake", 7));
    }

    private List<WorkerLine> linesDrawn() {
        workers.memoryChart().flush();
        return workers.memoryChart().frameProperty().get().lines();
    }
}
