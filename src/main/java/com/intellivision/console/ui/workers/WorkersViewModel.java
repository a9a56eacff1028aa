package com.intellivision.console.ui.workers;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.MachineMemory;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.deployment.WorkerPoolControl;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Workers tab: a row per worker of the deployment shown, and the memory chart. Every deployment's
 * workers are followed all the time, so switching is instant. Rows are changed in place, one worker at
 * a time, so a sample a second per worker costs the table one cell update, not a rebuild.
 */
public final class WorkersViewModel {

    /** A deployment's last hour of one worker's memory samples. */
    @FunctionalInterface
    public interface MemoryHistorySource {
        List<MemorySampled> historyOf(String deploymentId, String workerId);
    }

    static final String RESIDENT_TITLE = "Resident memory per worker";
    static final String PEAK_TITLE = "Peak resident memory of each worker's main process (Celery, every few seconds)";
    static final String MACHINE_NOT_REPORTED = "Machine memory: not reported by this deployment";
    /** The machine's memory is read again at most this often, as samples arrive. */
    static final Duration MACHINE_READ_EVERY = Duration.ofSeconds(5);
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Clock clock;
    private final TaskRunner tasks;
    private final MemoryHistorySource history;
    private final Notices notices;
    private final Map<String, DeploymentWorkers> deployments = new HashMap<>();
    private final ObservableList<WorkerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final MemoryChartViewModel memoryChart;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper(RESIDENT_TITLE);
    private final ReadOnlyBooleanWrapper resizable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper residentMemory = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper machineMemory = new ReadOnlyStringWrapper(MACHINE_NOT_REPORTED);
    private final ReadOnlyStringWrapper limitsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private String shown;
    private WorkerPoolControl shownPoolControl;
    private WorkerMonitor shownMonitor;
    private Instant machineReadAt = Instant.MIN;
    private boolean readingMachine;

    public WorkersViewModel(Clock clock, TaskRunner tasks, MemoryHistorySource history, Notices notices) {
        this.clock = clock;
        this.tasks = tasks;
        this.history = history;
        this.notices = notices;
        this.memoryChart = new MemoryChartViewModel(clock);
    }

    /** One deployment's workers and their latest memory readings. */
    private static final class DeploymentWorkers {
        final Map<String, WorkerInfo> workers = new HashMap<>();
        final Map<String, MemorySampled> latestSamples = new HashMap<>();
        final Map<String, WorkerRow> rows = new HashMap<>();
    }

    /** Shows another deployment's workers, or why it has none to show, without its limits or machine. */
    public void show(String deploymentId, Capabilities capabilities, Optional<WorkerPoolControl> poolControl) {
        show(deploymentId, capabilities, poolControl, Optional.empty());
    }

    /**
     * Shows another deployment's workers, or why it has none to show; its memory limits and its
     * machine's memory are read from {@code monitor} in the background.
     */
    public void show(String deploymentId, Capabilities capabilities, Optional<WorkerPoolControl> poolControl, Optional<WorkerMonitor> monitor) {
        shown = deploymentId;
        available.set(capabilities.has(Feature.WORKERS));
        unavailableReason.set(capabilities.whyNot(Feature.WORKERS).orElse(""));
        residentMemory.set(capabilities.memory() == MemoryReading.RESIDENT);
        chartTitle.set(residentMemory.get() ? RESIDENT_TITLE : PEAK_TITLE);
        shownPoolControl = poolControl.orElse(null);
        resizable.set(shownPoolControl != null);
        rows.setAll(of(deploymentId).rows.values().stream().sorted(Comparator.comparing(WorkerRow::id, WorkerInfo.NAME_ORDER)).toList());
        memoryChart.show(deploymentId);
        shownMonitor = monitor.orElse(null);
        machineMemory.set(MACHINE_NOT_REPORTED);
        limitsText.set("");
        machineReadAt = Instant.MIN;
        if (shownMonitor != null) {
            WorkerMonitor reading = shownMonitor;
            // Without limits the chart simply draws none; that is no reason to bother anyone.
            tasks.run(() -> reading.memoryLimits().orElse(null), limits -> {
                memoryChart.limits(deploymentId, limits);
                memoryChart.flush();
                if (deploymentId.equals(shown)) {
                    limitsText.set(limits == null ? "" : "Soft limit " + WorkerRow.mebibytes(limits.softBytes()) + " · hard limit "
                            + WorkerRow.mebibytes(limits.hardBytes()));
                }
            }, failure -> {});
            readMachineMemory();
        }
    }

    /** Reads the shown deployment's machine memory in the background, at most every few seconds. */
    private void readMachineMemory() {
        WorkerMonitor reading = shownMonitor;
        Instant now = clock.instant();
        if (reading == null || readingMachine || now.isBefore(machineReadAt.plus(MACHINE_READ_EVERY))) {
            return;
        }
        readingMachine = true;
        machineReadAt = now;
        String deploymentId = shown;
        tasks.run(() -> reading.machineMemory().orElse(null), machine -> {
            readingMachine = false;
            if (deploymentId.equals(shown)) {
                machineMemory.set(describe(machine));
            }
        }, failure -> {
            readingMachine = false;
            if (deploymentId.equals(shown)) {
                machineMemory.set("Machine memory: could not be read (" + Failures.messageOf(failure) + ")");
            }
        });
    }

    static String describe(MachineMemory machine) {
        if (machine == null || machine.totalBytes() <= 0) {
            return MACHINE_NOT_REPORTED;
        }
        return String.format(Locale.ROOT, "Machine memory: %.1f GiB total · %.1f GiB free (%d %%)", machine.totalBytes() / GIB,
                machine.availableBytes() / GIB, Math.round(100.0 * machine.availableBytes() / machine.totalBytes()));
    }

    /** Selects in the console the job a worker runs now, if it runs one the console knows by number. */
    public void chooseCurrentJob(WorkerRow row) {
        if (row != null && row.jobId() != WorkerInfo.NO_JOB) {
            memoryChart.choose(row.jobId());
        }
    }

    /** Selects in the console the job a band of the chart stands for. */
    public void onJobChosen(Consumer<JobKey> chooser) {
        memoryChart.onJobChosen(chooser);
    }

    /** Writes the kept samples between two times (epoch seconds) as CSV, in the background. */
    public void exportCsv(Path target, double fromSeconds, double toSeconds) {
        MemoryCsv.Samples samples = memoryChart.samplesBetween(fromSeconds, toSeconds);
        export(() -> samples.writeTo(target), "Exported " + samples.count() + " memory samples to " + target.getFileName(),
                "Could not export the memory samples to " + target);
    }

    /** Writes a picture of the chart as PNG, made and written in the background. */
    public void exportPicture(Path target, Supplier<RenderedImage> picture) {
        export(() -> {
            try {
                ImageIO.write(picture.get(), "png", target.toFile());
            } catch (IOException cannotWrite) {
                throw new UncheckedIOException("The file could not be written: " + cannotWrite.getMessage(), cannotWrite);
            }
        }, "Saved the chart to " + target.getFileName(), "Could not save the chart to " + target);
    }

    private void export(Runnable work, String done, String problem) {
        exporting.set(true);
        tasks.perform(work, () -> {
            exporting.set(false);
            notices.done(done);
        }, failure -> {
            exporting.set(false);
            notices.problem(problem, failure);
        });
    }

    /**
     * Takes the workers' changes and memory from now on, and the jobs' changes, which end the bands of
     * the jobs on the chart; the chart is drawn once per batch.
     */
    public void listenTo(ConsoleEvents events) {
        events.on(WorkerChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.worker()));
        events.on(MemorySampled.class, this::applyMemory);
        events.on(JobChanged.class, (deploymentId, changed) -> memoryChart.job(deploymentId, changed.job()));
        events.afterEachBatch(memoryChart::flush);
    }

    /**
     * Takes a deployment's list of workers, for those no event has told of yet, and fills the chart with
     * each one's history, read in the background.
     */
    public void showAll(String deploymentId, List<WorkerInfo> listed) {
        DeploymentWorkers known = of(deploymentId);
        for (WorkerInfo worker : listed) {
            if (known.workers.putIfAbsent(worker.id(), worker) == null) {
                refreshRow(deploymentId, worker.id());
                // A job already running when the console looked has a band from now on.
                memoryChart.worker(deploymentId, worker, 0);
            }
            String workerId = worker.id();
            // Without its history a line simply starts now; that is no reason to bother anyone.
            tasks.run(() -> history.historyOf(deploymentId, workerId), samples -> memoryChart.fill(deploymentId, workerId, samples),
                    failure -> {});
        }
    }

    public void apply(String deploymentId, WorkerInfo worker) {
        DeploymentWorkers known = of(deploymentId);
        WorkerInfo before = known.workers.get(worker.id());
        // A worker that was stopping and is now dead has left the pool (it shrank), as has a Celery
        // worker that stopped answering; one that died otherwise is restarted in the same slot.
        boolean left = worker.state() == WorkerState.DEAD && (before == null || before.state() == WorkerState.STOPPING);
        if (left) {
            known.workers.remove(worker.id());
            known.latestSamples.remove(worker.id());
            WorkerRow row = known.rows.remove(worker.id());
            if (deploymentId.equals(shown) && row != null) {
                rows.remove(row);
            }
            memoryChart.remove(deploymentId, worker.id());
            return;
        }
        known.workers.put(worker.id(), worker);
        refreshRow(deploymentId, worker.id());
        WorkerRow row = known.rows.get(worker.id());
        memoryChart.worker(deploymentId, worker, row == null ? 0 : row.rssBytes());
    }

    public void applyMemory(String deploymentId, MemorySampled sample) {
        DeploymentWorkers known = of(deploymentId);
        known.latestSamples.put(sample.workerId(), sample);
        memoryChart.add(deploymentId, sample);
        if (known.workers.containsKey(sample.workerId())) {
            refreshRow(deploymentId, sample.workerId());
        }
        if (deploymentId.equals(shown)) {
            readMachineMemory();
        }
    }

    /** A deployment was removed. */
    public void forget(String deploymentId) {
        deployments.remove(deploymentId);
        memoryChart.forget(deploymentId);
        if (deploymentId.equals(shown)) {
            rows.clear();
        }
    }

    /** Adds one process to a Celery worker's pool, or takes one away. */
    public void resize(WorkerRow row, int change) {
        WorkerPoolControl control = shownPoolControl;
        if (control == null || change == 0) {
            return;
        }
        String what = (change > 0 ? "grow " : "shrink ") + row.name();
        tasks.perform(() -> {
            if (change > 0) {
                control.grow(row.id(), change);
            } else {
                control.shrink(row.id(), -change);
            }
        }, () -> notices.done("Asked " + row.name() + " to " + (change > 0 ? "grow" : "shrink") + " its pool"),
                failure -> notices.problem("Could not " + what, failure));
    }

    private DeploymentWorkers of(String deploymentId) {
        return deployments.computeIfAbsent(deploymentId, id -> new DeploymentWorkers());
    }

    /** Updates the worker's row, or adds it in the order of worker names. */
    private void refreshRow(String deploymentId, String workerId) {
        DeploymentWorkers known = of(deploymentId);
        WorkerRow before = known.rows.get(workerId);
        WorkerRow after = WorkerRow.of(known.workers.get(workerId), known.latestSamples.get(workerId), before);
        if (after.equals(before)) {
            return;
        }
        known.rows.put(workerId, after);
        if (!deploymentId.equals(shown)) {
            return;
        }
        int index = before == null ? -1 : rows.indexOf(before);
        if (index >= 0) {
            rows.set(index, after);
            return;
        }
        int at = 0;
        while (at < rows.size() && WorkerInfo.NAME_ORDER.compare(rows.get(at).id(), workerId) < 0) {
            at++;
        }
        rows.add(at, after);
    }

    /** The workers of the deployment shown, by name. */
    public ObservableList<WorkerRow> rows() {
        return readOnlyRows;
    }

    public MemoryChartViewModel memoryChart() {
        return memoryChart;
    }

    /** Whether the deployment shown reports its workers. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Why it does not, for people; empty when it does. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** What the memory chart shows, which differs between deployments. */
    public ReadOnlyStringProperty chartTitleProperty() {
        return chartTitle.getReadOnlyProperty();
    }

    /** Whether the memory figures are resident memory now, beside which a peak means something; else they are the peak. */
    public ReadOnlyBooleanProperty residentMemoryProperty() {
        return residentMemory.getReadOnlyProperty();
    }

    /** The machine's total and free memory, or that the deployment does not report it. */
    public ReadOnlyStringProperty machineMemoryProperty() {
        return machineMemory.getReadOnlyProperty();
    }

    /** The memory limits of the deployment shown, for people; empty where it has none. */
    public ReadOnlyStringProperty limitsTextProperty() {
        return limitsText.getReadOnlyProperty();
    }

    /** An export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** Whether each worker's own pool of processes can be grown and shrunk (Celery workers). */
    public ReadOnlyBooleanProperty resizableProperty() {
        return resizable.getReadOnlyProperty();
    }
}
