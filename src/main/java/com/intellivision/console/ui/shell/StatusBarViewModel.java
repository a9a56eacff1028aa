package com.intellivision.console.ui.shell;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.workers.WorkerRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar: which deployment is shown, how many workers it has, what they do and how much memory
 * they use. Every deployment's workers are followed; the bar speaks of the one shown.
 */
public final class StatusBarViewModel {

    private final Map<String, SortedMap<String, WorkerInfo>> workersByDeployment = new HashMap<>();
    private final Map<String, Map<String, MemorySampled>> samplesByDeployment = new HashMap<>();
    private SortedMap<String, WorkerInfo> workers = new TreeMap<>(WorkerInfo.NAME_ORDER);
    private Map<String, MemorySampled> latestSamples = new HashMap<>();
    private String shown;
    private final ReadOnlyStringWrapper deploymentName = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper workersSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memorySummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workersDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** Speaks of another deployment from now on. */
    void show(DeploymentEntry entry) {
        shown = entry.id();
        deploymentName.bind(entry.nameProperty());
        workers = workersOf(entry.id());
        latestSamples = samplesOf(entry.id());
        refresh();
    }

    private SortedMap<String, WorkerInfo> workersOf(String deploymentId) {
        return workersByDeployment.computeIfAbsent(deploymentId, id -> new TreeMap<>(WorkerInfo.NAME_ORDER));
    }

    private Map<String, MemorySampled> samplesOf(String deploymentId) {
        return samplesByDeployment.computeIfAbsent(deploymentId, id -> new HashMap<>());
    }

    /** A deployment was removed. */
    void forget(String deploymentId) {
        workersByDeployment.remove(deploymentId);
        samplesByDeployment.remove(deploymentId);
    }

    void showProblem(String text) {
        problem.set(text);
    }

    /**
     * Takes the deployment's list of workers, for those no event has told of yet: an event was sent
     * after the list was read, or describes a change the next event will also report.
     */
    void showAll(String deploymentId, List<WorkerInfo> listed) {
        SortedMap<String, WorkerInfo> known = workersOf(deploymentId);
        listed.forEach(worker -> known.putIfAbsent(worker.id(), worker));
        refreshIfShown(deploymentId);
    }

    /** Takes the workers' changes and memory from now on. */
    void listenTo(ConsoleEvents events) {
        events.on(WorkerChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.worker()));
        events.on(MemorySampled.class, this::applyMemory);
    }

    void apply(String deploymentId, WorkerInfo worker) {
        SortedMap<String, WorkerInfo> known = workersOf(deploymentId);
        WorkerInfo before = known.get(worker.id());
        if (worker.state() == WorkerState.DEAD && (before == null || before.state() == WorkerState.STOPPING)) {
            // It left the pool, which shrank; a worker that dies otherwise is restarted in its slot.
            known.remove(worker.id());
            samplesOf(deploymentId).remove(worker.id());
        } else {
            known.put(worker.id(), worker);
        }
        refreshIfShown(deploymentId);
    }

    void applyMemory(String deploymentId, MemorySampled sample) {
        samplesOf(deploymentId).put(sample.workerId(), sample);
        refreshIfShown(deploymentId);
    }

    private void refreshIfShown(String deploymentId) {
        if (deploymentId.equals(shown)) {
            refresh();
        }
    }

    private void refresh() {
        workersSummary.set(summaryOf(workers.values()));
        memorySummary.set(memoryOf());
        workersDetails.set(detailsOf());
    }

    /** For example "2 workers: 1 busy, 1 idle". */
    static String summaryOf(Iterable<WorkerInfo> all) {
        Map<WorkerState, Integer> counts = new EnumMap<>(WorkerState.class);
        int total = 0;
        for (WorkerInfo worker : all) {
            counts.merge(worker.state(), 1, Integer::sum);
            total++;
        }
        if (total == 0) {
            return "No workers";
        }
        List<String> parts = new ArrayList<>();
        for (WorkerState state : List.of(WorkerState.BUSY, WorkerState.IDLE, WorkerState.STARTING, WorkerState.RECYCLING, WorkerState.STOPPING, WorkerState.DEAD)) {
            Integer count = counts.get(state);
            if (count != null) {
                parts.add(count + " " + state.name().toLowerCase(Locale.ROOT));
            }
        }
        return total + (total == 1 ? " worker: " : " workers: ") + String.join(", ", parts);
    }

    /** For example "w1 142 MiB · w2 97 MiB", for the workers whose memory is known. */
    private String memoryOf() {
        List<String> parts = new ArrayList<>();
        for (WorkerInfo worker : workers.values()) {
            long rss = residentBytes(worker);
            if (worker.state() != WorkerState.DEAD && rss > 0) {
                parts.add(worker.id() + " " + WorkerRow.mebibytes(rss));
            }
        }
        return String.join(" · ", parts);
    }

    private String detailsOf() {
        List<String> lines = new ArrayList<>();
        for (WorkerInfo worker : workers.values()) {
            StringBuilder line = new StringBuilder(worker.id() + ": " + worker.state().name().toLowerCase(Locale.ROOT));
            if (worker.jobId() != WorkerInfo.NO_JOB) {
                line.append(" on job #").append(worker.jobId());
            }
            if (worker.pid() > 0) {
                line.append(", pid ").append(worker.pid());
            }
            long rss = residentBytes(worker);
            if (rss > 0) {
                line.append(", ").append(WorkerRow.mebibytes(rss));
                long peak = Math.max(rss, worker.peakRssBytes());
                line.append(" (peak ").append(WorkerRow.mebibytes(peak)).append(')');
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private long residentBytes(WorkerInfo worker) {
        return WorkerRow.residentBytes(worker, latestSamples.get(worker.id()));
    }

    public ReadOnlyStringProperty deploymentNameProperty() {
        return deploymentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workersSummaryProperty() {
        return workersSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memorySummaryProperty() {
        return memorySummary.getReadOnlyProperty();
    }

    /** One line per worker, for a tooltip. */
    public ReadOnlyStringProperty workersDetailsProperty() {
        return workersDetails.getReadOnlyProperty();
    }

    /** Why the console could not reach the deployment, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
