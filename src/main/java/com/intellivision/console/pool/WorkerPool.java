package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.MemoryHistory;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.worker.WorkerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker processes of the local engine and the jobs they run, on the engine's loop: starting,
 * replacing, recycling and retiring workers, handing out pending jobs, taking in their reports, and
 * stopping or killing a job's worker. Touched only on the loop; the {@link LocalEngine} is its door.
 */
final class WorkerPool implements Limits.Enforcement {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

    private final PoolConfig config;
    private final JobStore store;
    private final Clock clock;
    private final EventBus events;
    private final MemoryHistory memoryHistory;
    private final EngineLoop loop;
    private final ScheduledExecutorService timers;
    private final JobEndings endings;
    private final Runnable jobEnded;
    private final SplitCounts splits;
    private final long ownPid = ProcessHandle.current().pid();
    private final Map<Integer, WorkerSlot> slots = new TreeMap<>();
    /** The live workers' pids, read by the memory sampler off the loop. */
    private final Map<Integer, Long> livePids = new ConcurrentHashMap<>();
    private int poolSize;
    private int lastSlotId;
    private boolean paused;
    private boolean closing;

    /** @param jobEnded called on the loop when a job ended, so the queue's figures can be counted again */
    WorkerPool(PoolConfig config, JobStore store, Clock clock, EventBus events, MemoryHistory memoryHistory, EngineLoop loop,
            ScheduledExecutorService timers, Runnable jobEnded) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.memoryHistory = memoryHistory;
        this.loop = loop;
        this.timers = timers;
        this.endings = new JobEndings(store, config);
        this.jobEnded = jobEnded;
        this.splits = new SplitCounts(store, config, clock, events, new SplitCounts.Workers() {
            @Override
            public void run(WorkerSlot slot, Job job, WorkerMessage.Part part) {
                WorkerPool.this.run(slot, job, part);
            }

            @Override
            public void stop(WorkerSlot slot, String reason) {
                stopJob(slot, reason);
            }
        }, slots::values);
    }

    Collection<WorkerSlot> slots() {
        return slots.values();
    }

    Map<Integer, Long> livePids() {
        return livePids;
    }

    List<WorkerInfo> workers() {
        return slots.values().stream().map(WorkerSlot::info).toList();
    }

    boolean isPaused() {
        return paused;
    }

    void setPaused(boolean pause) {
        paused = pause;
        events.publish(new EngineEvent.PoolChanged(poolSize, paused));
        dispatch();
    }

    /** Grows or shrinks the pool: new workers start at once, busy ones leave after their job. */
    void resize(int size) {
        resizeOnLoop(size);
    }

    /** Cancels the job if a worker runs it: asks it to stop, and kills it if it has not within the grace. */
    void cancelRunning(long jobId) {
        if (!splits.cancel(jobId)) {
            slotRunning(jobId).ifPresent(slot -> stopJob(slot, null));
        }
    }

    /**
     * Stops every worker for the console's close; their jobs go back to the queue for next time.
     * Returns the processes, to wait for.
     */
    List<WorkerProcess> closeAll() {
        closing = true;
        splits.clear();
        for (WorkerSlot slot : slots.values()) {
            if (slot.isRunningJob()) {
                store.release(slot.jobId).ifPresent(job -> events.publish(new EngineEvent.JobChanged(job)));
                slot.clearJob();
            }
            if (slot.process != null) {
                stopProcess(slot, WorkerState.STOPPING);
            }
        }
        return slots.values().stream().map(slot -> slot.process).filter(process -> process != null).toList();
    }

    private void resizeOnLoop(int size) {
        poolSize = size;
        List<WorkerSlot> staying = slots.values().stream().filter(slot -> !slot.retiring).toList();
        for (int missing = size - staying.size(); missing > 0; missing--) {
            WorkerSlot slot = new WorkerSlot(++lastSlotId);
            slots.put(slot.id, slot);
            startWorker(slot);
        }
        // Shrink by the idle or starting workers first, newest first; busy ones finish their job.
        staying.stream()
                .sorted(Comparator.comparing(WorkerSlot::isRunningJob).thenComparing(slot -> -slot.id))
                .limit(Math.max(0, staying.size() - size))
                .forEach(this::retire);
        events.publish(new EngineEvent.PoolChanged(size, paused));
    }

    private void retire(WorkerSlot slot) {
        slot.retiring = true;
        if (!slot.isRunningJob()) {
            stopProcess(slot, WorkerState.STOPPING);
        }
    }

    private void startWorker(WorkerSlot slot) {
        try {
            WorkerProcess process = WorkerProcess.start(slot.id, config, new WorkerEvents());
            slot.started(process);
            livePids.put(slot.id, process.pid());
            store.registerWorker(process.pid(), ownPid, process.startInstant());
        } catch (IOException cannotStart) {
            LOG.error("worker {} could not be started: {}", slot.id, cannotStart.getMessage());
            slot.state = WorkerState.DEAD;
            scheduleRestart(slot);
        }
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
    }

    /**
     * Hands idle workers the parts of split counts that wait for one, then pending jobs while dispatch is
     * not paused (a running job's parts are part of a running job, which a pause lets finish). A people
     * count claimed on a pool of two workers or more is split ({@link SplitCounts}).
     */
    void dispatch() {
        if (closing) {
            return;
        }
        for (WorkerSlot slot : slots.values()) {
            if (slot.state != WorkerState.IDLE || slot.retiring || splits.startWaitingPart(slot) || paused) {
                continue;
            }
            Optional<Job> next = store.claimNextPending(ownPid, slot.id, slot.process.pid());
            if (next.isEmpty()) {
                break;
            }
            Job job = next.get();
            events.publish(new EngineEvent.JobChanged(job));
            if (SplitCounts.shouldSplit(job, poolSize)) {
                splits.start(job, slot, poolSize);
            } else {
                run(slot, job, null);
            }
        }
    }

    /** Sends the job, or one part of it, to the slot's idle worker. */
    private void run(WorkerSlot slot, Job job, WorkerMessage.Part part) {
        slot.take(job.id(), job.type(), clock.instant());
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        // If the worker died just now, its exit report requeues the job (or the part); nothing to do here.
        slot.process.send(new WorkerMessage.RunJob(job.id(), job.type(), job.youtubeUrl(), job.params(),
                config.framesDir().toAbsolutePath().toString(), part));
    }

    private void onMessage(WorkerProcess process, WorkerMessage message) {
        WorkerSlot slot = slots.get(process.slot());
        if (closing || slot == null || slot.process != process) {
            return;
        }
        if (message instanceof WorkerMessage.Ready) {
            slot.failedStarts = 0;
            becomeIdle(slot);
        } else if (message.jobIdOr(WorkerInfo.NO_JOB) != slot.jobId) {
            return;
        } else if (slot.split != null) {
            onPartMessage(slot, message);
        } else if (message instanceof WorkerMessage.Progress progress) {
            events.publish(new EngineEvent.JobProgress(progress.jobId(), progress.percentage(), progress.stage(), progress.details()));
        } else if (message instanceof WorkerMessage.Completed completed) {
            finishJob(slot, store.complete(completed.jobId(), completed.results(), completed.outputImage()));
        } else if (message instanceof WorkerMessage.Failed failed) {
            finishJob(slot, store.fail(failed.jobId(), failed.error(), false));
        } else if (message instanceof WorkerMessage.Cancelled) {
            finishJob(slot, endings.stopped(slot));
        } else {
            LOG.warn("worker {} sent a message meant for workers: {}", slot.id, message);
        }
    }

    /** A message about the part of a split count the slot runs; the split count publishes the job's changes. */
    private void onPartMessage(WorkerSlot slot, WorkerMessage message) {
        if (message instanceof WorkerMessage.Segmented segmented) {
            splits.segmented(slot, segmented.parts());
            dispatch();
            return;
        }
        if (message instanceof WorkerMessage.Progress progress) {
            splits.progress(slot, progress);
            return;
        }
        if (message instanceof WorkerMessage.Completed completed) {
            splits.completed(slot, completed);
        } else if (message instanceof WorkerMessage.Failed failed) {
            splits.failed(slot, failed.error());
        } else if (message instanceof WorkerMessage.Cancelled) {
            splits.cancelled(slot);
        } else {
            LOG.warn("worker {} sent a message meant for workers: {}", slot.id, message);
            return;
        }
        slot.jobsDone++;
        slot.clearJob();
        afterJob(slot);
    }

    private void finishJob(WorkerSlot slot, Job job) {
        slot.jobsDone++;
        slot.clearJob();
        events.publish(new EngineEvent.JobChanged(job));
        afterJob(slot);
    }

    /** The slot's job (or part) ended: the worker leaves, is recycled or takes the next. */
    private void afterJob(WorkerSlot slot) {
        if (slot.retiring) {
            stopProcess(slot, WorkerState.STOPPING);
        } else if (slot.rssBytes > config.memoryLimits().softBytes()) {
            LOG.info("recycling worker {}: {} MiB is above the soft limit of {} MiB", slot.id,
                    MemoryLimits.toMiB(slot.rssBytes), MemoryLimits.toMiB(config.memoryLimits().softBytes()));
            stopProcess(slot, WorkerState.RECYCLING);
        } else if (config.maxTasksPerChild() > 0 && slot.jobsDone >= config.maxTasksPerChild()) {
            stopProcess(slot, WorkerState.RECYCLING);
        } else {
            becomeIdle(slot);
        }
        jobEnded.run();
    }

    private void becomeIdle(WorkerSlot slot) {
        slot.state = WorkerState.IDLE;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        dispatch();
    }

    private void stopProcess(WorkerSlot slot, WorkerState state) {
        slot.state = state;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        if (slot.process != null) {
            slot.process.shutdown();
        }
    }

    /** Asks the worker to stop its job; kills it if it has not within the grace period. */
    @Override
    public void stopJob(WorkerSlot slot, String reason) {
        if (slot.stopRequested) {
            return;
        }
        slot.stopRequested = true;
        slot.stopReason = reason;
        long jobId = slot.jobId;
        WorkerProcess process = slot.process;
        process.send(new WorkerMessage.Cancel(jobId));
        timers.schedule(() -> loop.execute(() -> {
            if (slot.process == process && slot.jobId == jobId) {
                kill(slot, reason);
            }
        }), CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void kill(WorkerSlot slot, String reason) {
        slot.killReason = reason;
        slot.process.kill();
    }

    private void onExit(WorkerProcess process, int exitCode) {
        WorkerSlot slot = slots.get(process.slot());
        if (closing || slot == null || slot.process != process) {
            // On close, the jobs were released and the workers unregistered already.
            return;
        }
        livePids.remove(slot.id);
        store.unregisterWorker(process.pid());
        WorkerState before = slot.state;
        if (slot.isRunningJob()) {
            if (slot.split == null || !splits.exited(slot, process, exitCode)) {
                events.publish(new EngineEvent.JobChanged(endings.ofExitedWorker(slot, process, exitCode)));
            }
            slot.clearJob();
        }
        slot.state = WorkerState.DEAD;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        if (slot.retiring) {
            slots.remove(slot.id);
        } else if (before == WorkerState.STARTING) {
            LOG.warn("worker {} exited before it was ready ({}){}", slot.id, ExitCodes.describe(exitCode), JobEndings.lastWords(process));
            slot.failedStarts++;
            scheduleRestart(slot);
        } else {
            startWorker(slot);
        }
        dispatch();
    }

    /** Backs off exponentially, so a worker that cannot start does not spin the machine. */
    private void scheduleRestart(WorkerSlot slot) {
        long delay = Math.min(MAX_RESTART_DELAY.toMillis(), 500L << Math.min(slot.failedStarts, 10));
        timers.schedule(() -> loop.execute(() -> {
            if (!closing && slot.state == WorkerState.DEAD && slots.get(slot.id) == slot) {
                startWorker(slot);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    /** Keeps a worker's reading, and publishes it once a second ({@code keep}). */
    void recordMemory(EngineEvent.MemorySampled sample, boolean keep) {
        WorkerSlot slot = slots.get(WorkerSlot.idOf(sample.workerId()));
        if (slot == null || slot.process == null || slot.process.pid() != sample.pid()) {
            return;
        }
        slot.rssBytes = sample.rssBytes();
        slot.peakRssBytes = Math.max(slot.peakRssBytes, sample.rssBytes());
        if (keep) {
            memoryHistory.add(sample);
            events.publish(sample);
        }
    }

    private Optional<WorkerSlot> slotRunning(long jobId) {
        return slots.values().stream().filter(slot -> slot.jobId == jobId).findFirst();
    }

    /** Reports from worker reader threads, moved onto the loop. */
    private final class WorkerEvents implements WorkerProcess.Listener {
        @Override
        public void onMessage(WorkerProcess worker, WorkerMessage message) {
            runOnLoop(() -> WorkerPool.this.onMessage(worker, message));
        }

        @Override
        public void onExit(WorkerProcess worker, int exitCode) {
            runOnLoop(() -> WorkerPool.this.onExit(worker, exitCode));
        }

        private void runOnLoop(Runnable task) {
            loop.execute(task);
        }
    }
}
