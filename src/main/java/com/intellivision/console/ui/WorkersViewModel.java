package com.intellivision.console.ui;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Workers tab: a row per worker of the pool, and the memory chart. Rows are changed in place, one
 * worker at a time, so a sample a second per worker costs the table one cell update, not a rebuild.
 */
public final class WorkersViewModel {

    /** The deployment's last hour of one worker's memory samples. */
    @FunctionalInterface
    interface MemoryHistorySource {
        List<MemorySampled> historyOf(String workerId);
    }

    private final TaskRunner tasks;
    private final MemoryHistorySource history;
    private final Map<String, WorkerInfo> workers = new HashMap<>();
    private final Map<String, MemorySampled> latestSamples = new HashMap<>();
    private final ObservableList<WorkerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final MemoryChartViewModel memoryChart;

    WorkersViewModel(Clock clock, TaskRunner tasks, MemoryHistorySource history) {
        this.tasks = tasks;
        this.history = history;
        this.memoryChart = new MemoryChartViewModel(clock);
    }

    /**
     * Takes the deployment's list of workers, for those no event has told of yet, and fills the chart
     * with each one's history, read in the background.
     */
    void showAll(List<WorkerInfo> listed) {
        for (WorkerInfo worker : listed) {
            if (workers.putIfAbsent(worker.id(), worker) == null) {
                refreshRow(worker.id());
            }
            String workerId = worker.id();
            // Without its history a line simply starts now; that is no reason to bother anyone.
            tasks.run(() -> history.historyOf(workerId), samples -> memoryChart.fill(workerId, samples), failure -> {});
        }
    }

    void apply(WorkerInfo worker) {
        WorkerInfo before = workers.get(worker.id());
        // A worker that was stopping and is now dead has left the pool (it shrank); one that died
        // otherwise is restarted in the same slot, so its row stays.
        if (worker.state() == WorkerState.DEAD && before != null && before.state() == WorkerState.STOPPING) {
            workers.remove(worker.id());
            latestSamples.remove(worker.id());
            rows.removeIf(row -> row.id().equals(worker.id()));
            memoryChart.remove(worker.id());
            return;
        }
        workers.put(worker.id(), worker);
        refreshRow(worker.id());
    }

    void applyMemory(MemorySampled sample) {
        latestSamples.put(sample.workerId(), sample);
        memoryChart.add(sample);
        if (workers.containsKey(sample.workerId())) {
            refreshRow(sample.workerId());
        }
    }

    /** Updates the worker's row, or adds it in the order of worker ids. */
    private void refreshRow(String workerId) {
        WorkerInfo worker = workers.get(workerId);
        MemorySampled latest = latestSamples.get(workerId);
        for (int index = 0; index < rows.size(); index++) {
            WorkerRow before = rows.get(index);
            if (before.id().equals(workerId)) {
                WorkerRow after = WorkerRow.of(worker, latest, before);
                if (!after.equals(before)) {
                    rows.set(index, after);
                }
                return;
            }
            if (WorkerInfo.NAME_ORDER.compare(before.id(), workerId) > 0) {
                rows.add(index, WorkerRow.of(worker, latest, null));
                return;
            }
        }
        rows.add(WorkerRow.of(worker, latest, null));
    }

    /** The workers, by id. */
    public ObservableList<WorkerRow> rows() {
        return readOnlyRows;
    }

    public MemoryChartViewModel memoryChart() {
        return memoryChart;
    }
}
