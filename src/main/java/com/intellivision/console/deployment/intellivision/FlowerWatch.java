package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.Warning;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.MemoryHistory;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.remote.ActiveTask;
import com.intellivision.console.remote.CeleryWorker;
import com.intellivision.console.remote.FlowerClient;
import com.intellivision.console.remote.RemoteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Celery workers of a deployment, as its Flower reports them, turned into the same worker and
 * memory events the local pool sends. Flower gives each worker's peak resident memory (Celery's
 * {@code maxrss}), not its memory now, so the memory line is that peak, sampled each round. The length
 * of the broker's queues feeds the queue's figures. A Flower that stops answering is reported once;
 * what it said last stays shown.
 */
final class FlowerWatch {

    /** Flower asks every worker for its state each time; more often would load the workers for little. */
    static final Duration EVERY = Duration.ofSeconds(5);
    /** An hour of samples, one a round. */
    static final int HISTORY = (int) (Duration.ofHours(1).toSeconds() / EVERY.toSeconds());

    private final String deploymentName;
    private final String flowerUrl;
    private final FlowerClient flower;
    private final EventFanout events;
    private final Clock clock;
    private final MemoryHistory memory = new MemoryHistory(HISTORY);
    private final Map<String, WorkerInfo> workers = new TreeMap<>(WorkerInfo.NAME_ORDER);
    private volatile int brokerQueued = QueueFigures.UNKNOWN;
    private boolean failing;

    FlowerWatch(String deploymentName, String flowerUrl, FlowerClient flower, EventFanout events, Clock clock) {
        this.deploymentName = deploymentName;
        this.flowerUrl = flowerUrl;
        this.flower = flower;
        this.events = events;
        this.clock = clock;
    }

    /** One round: reads the workers and the queues, reports what changed. */
    synchronized void poll() {
        try {
            List<CeleryWorker> celery = flower.workers();
            int queued = flower.queueLengths().stream().mapToInt(queue -> (int) Math.min(Integer.MAX_VALUE, queue.messages())).sum();
            brokerQueued = queued;
            show(celery);
            failing = false;
        } catch (RemoteException failure) {
            if (!failing) {
                events.publish(new Warning("Flower of " + deploymentName + " is not answering",
                        failure.getMessage() + " The Workers tab shows what it reported last; the console keeps asking " + flowerUrl + "."));
            }
            failing = true;
        }
    }

    private void show(List<CeleryWorker> celery) {
        Instant now = clock.instant();
        Map<String, WorkerInfo> seen = new HashMap<>();
        for (CeleryWorker worker : celery) {
            WorkerInfo info = infoOf(worker);
            seen.put(info.id(), info);
            if (!Objects.equals(workers.put(info.id(), info), info)) {
                events.publish(new WorkerChanged(info));
            }
            if (worker.maxRssBytes() > 0) {
                MemorySampled sample = new MemorySampled(info.id(), info.pid(), worker.maxRssBytes(),
                        worker.sampledAt() == null ? now : worker.sampledAt());
                memory.add(sample);
                events.publish(sample);
            }
        }
        for (String gone : List.copyOf(workers.keySet())) {
            if (!seen.containsKey(gone)) {
                WorkerInfo last = workers.remove(gone);
                memory.forget(gone);
                events.publish(new WorkerChanged(new WorkerInfo(gone, last.pid(), WorkerState.DEAD, WorkerInfo.NO_JOB, 0,
                        last.processes(), 0, last.peakRssBytes())));
            }
        }
    }

    private static WorkerInfo infoOf(CeleryWorker worker) {
        List<ActiveTask> active = worker.activeTasks();
        long jobId = active.stream().mapToLong(ActiveTask::jobId).filter(id -> id != WorkerInfo.NO_JOB).findFirst().orElse(WorkerInfo.NO_JOB);
        WorkerState state = worker.sampledAt() == null ? WorkerState.STARTING : active.isEmpty() ? WorkerState.IDLE : WorkerState.BUSY;
        return new WorkerInfo(worker.name(), worker.pid(), state, jobId, active.size(), worker.processes(), worker.maxRssBytes(),
                worker.maxRssBytes());
    }

    synchronized List<WorkerInfo> workers() {
        return List.copyOf(workers.values());
    }

    List<MemorySampled> memoryHistory(String workerId) {
        return memory.of(workerId);
    }

    /** Tasks waiting in the broker's queues, or {@link QueueFigures#UNKNOWN} before Flower said. */
    int brokerQueued() {
        return brokerQueued;
    }

    void revoke(String taskId) {
        flower.revoke(taskId, true);
    }

    void grow(String workerId, int processes) {
        flower.grow(workerId, processes);
    }

    void shrink(String workerId, int processes) {
        flower.shrink(workerId, processes);
    }

    void close() {
        flower.close();
    }
}
