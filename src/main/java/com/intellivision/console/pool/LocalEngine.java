package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.worker.WorkerMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded job engine: a persistent queue and a pool of worker processes. A worker that crashes
 * fails only its own job and is replaced; the console goes on.
 *
 * <p>All state lives on one loop thread, so the engine needs no locks: public methods hand their work
 * to the loop and wait for it, worker messages are queued onto it, and events are published from it.
 */
public final class LocalEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

    private final PoolConfig config;
    private final JobStore store;
    private final EventBus events = new EventBus();
    private final MemorySampler memory = new MemorySampler();
    private final ExecutorService loop;
    private final ScheduledExecutorService timers;
    private final Map<Integer, Slot> slots = new TreeMap<>();
    private final Map<Integer, Long> livePids = new ConcurrentHashMap<>();
    private final long ownPid = ProcessHandle.current().pid();
    private volatile Thread loopThread;
    private boolean closing;

    private LocalEngine(PoolConfig config, JobStore store) {
        this.config = config;
        this.store = store;
        this.loop = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "engine-loop");
            thread.setDaemon(true);
            loopThread = thread;
            return thread;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "engine-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the store, requeues jobs a dead console left running, and starts the workers. */
    public static LocalEngine start(PoolConfig config) throws IOException {
        Files.createDirectories(config.framesDir());
        LocalEngine engine = new LocalEngine(config, JobStore.open(config.databaseFile(), Clock.systemUTC()));
        engine.call(() -> {
            engine.recoverOrphans();
            for (int id = 1; id <= config.workerCount(); id++) {
                Slot slot = new Slot(id);
                engine.slots.put(id, slot);
                engine.startWorker(slot);
            }
            return null;
        });
        engine.timers.scheduleAtFixedRate(engine::sampleMemory, 0, SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return engine;
    }

    public PoolConfig config() {
        return config;
    }

    /** Stores the job as pending and hands it to an idle worker if there is one. */
    public Job submit(JobRequest request) {
        return call(() -> {
            Job job = store.insert(request);
            events.publish(new EngineEvent.JobChanged(job));
            dispatch();
            return job;
        });
    }

    public Optional<Job> job(long id) {
        return call(() -> store.find(id));
    }

    public List<Job> recentJobs(int limit) {
        return call(() -> store.recent(limit));
    }

    public List<WorkerInfo> workers() {
        return call(() -> slots.values().stream().map(Slot::info).toList());
    }

    /** Delivers every later event to {@code listener} on the engine's thread; run the result to stop. */
    public Runnable subscribe(Consumer<EngineEvent> listener) {
        return events.subscribe(listener);
    }

    /** Waits until the job is completed, failed or cancelled, and returns it. */
    public Job awaitTerminal(long jobId, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Job> done = new CompletableFuture<>();
        Runnable unsubscribe = subscribe(event -> {
            if (event instanceof EngineEvent.JobChanged changed && changed.job().id() == jobId && changed.job().isTerminal()) {
                done.complete(changed.job());
            }
        });
        try {
            job(jobId).filter(Job::isTerminal).ifPresent(done::complete);
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        } finally {
            unsubscribe.run();
        }
    }

    // ---- on the loop thread from here on ----

    private void recoverOrphans() {
        List<Job> requeued = store.requeueOrphans(pid -> pid != ownPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (!requeued.isEmpty()) {
            LOG.info("requeued {} job(s) left running by a console that stopped", requeued.size());
        }
    }

    private void startWorker(Slot slot) {
        try {
            WorkerProcess process = WorkerProcess.start(slot.id, config, new WorkerEvents());
            slot.started(process);
            livePids.put(slot.id, process.pid());
        } catch (IOException cannotStart) {
            LOG.error("worker {} could not be started: {}", slot.id, cannotStart.getMessage());
            slot.state = WorkerState.DEAD;
            scheduleRestart(slot);
        }
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
    }

    private void dispatch() {
        if (closing) {
            return;
        }
        for (Slot slot : slots.values()) {
            if (slot.state != WorkerState.IDLE) {
                continue;
            }
            Optional<Job> next = store.claimNextPending(ownPid);
            if (next.isEmpty()) {
                return;
            }
            Job job = next.get();
            slot.state = WorkerState.BUSY;
            slot.jobId = job.id();
            events.publish(new EngineEvent.JobChanged(job));
            events.publish(new EngineEvent.WorkerChanged(slot.info()));
            // If the worker died just now, its exit report fails the job; nothing to do here.
            slot.process.send(new WorkerMessage.RunJob(job.id(), job.type(), job.youtubeUrl(), job.params(),
                    config.framesDir().toAbsolutePath().toString()));
        }
    }

    private void onMessage(WorkerProcess process, WorkerMessage message) {
        Slot slot = slots.get(process.slot());
        if (slot == null || slot.process != process) {
            return;
        }
        if (message instanceof WorkerMessage.Ready) {
            becomeIdle(slot);
        } else if (message instanceof WorkerMessage.Progress progress) {
            if (progress.jobId() == slot.jobId) {
                events.publish(new EngineEvent.JobProgress(progress.jobId(), progress.percentage(), progress.stage()));
            }
        } else if (message instanceof WorkerMessage.Completed completed) {
            if (completed.jobId() == slot.jobId) {
                events.publish(new EngineEvent.JobChanged(store.complete(completed.jobId(), completed.results(), completed.outputImage())));
                becomeIdle(slot);
            }
        } else if (message instanceof WorkerMessage.Failed failed) {
            if (failed.jobId() == slot.jobId) {
                events.publish(new EngineEvent.JobChanged(store.fail(failed.jobId(), failed.error())));
                becomeIdle(slot);
            }
        } else {
            LOG.warn("worker {} sent a message meant for workers: {}", slot.id, message);
        }
    }

    private void becomeIdle(Slot slot) {
        slot.state = WorkerState.IDLE;
        slot.jobId = WorkerInfo.NO_JOB;
        slot.failedStarts = 0;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        dispatch();
    }

    private void onExit(WorkerProcess process, int exitCode) {
        Slot slot = slots.get(process.slot());
        if (slot == null || slot.process != process) {
            return;
        }
        livePids.remove(slot.id);
        boolean wasReady = slot.state == WorkerState.IDLE || slot.state == WorkerState.BUSY;
        if (slot.jobId != WorkerInfo.NO_JOB) {
            String error = "The worker running this job stopped unexpectedly (" + ExitCodes.describe(exitCode) + ")"
                    + lastWords(process) + ". Retry the job; if it fails again, the video may need more memory than a worker has.";
            events.publish(new EngineEvent.JobChanged(store.fail(slot.jobId, error)));
        }
        slot.state = WorkerState.DEAD;
        slot.jobId = WorkerInfo.NO_JOB;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        if (closing) {
            return;
        }
        if (wasReady) {
            startWorker(slot);
        } else {
            LOG.warn("worker {} exited before it was ready ({}){}", slot.id, ExitCodes.describe(exitCode), lastWords(process));
            slot.failedStarts++;
            scheduleRestart(slot);
        }
    }

    private static String lastWords(WorkerProcess process) {
        String stderr = process.lastStderr();
        return stderr.isEmpty() ? "" : "; it last said: " + stderr;
    }

    /** Backs off exponentially, so a worker that cannot start does not spin the machine. */
    private void scheduleRestart(Slot slot) {
        long delay = Math.min(MAX_RESTART_DELAY.toMillis(), 500L << Math.min(slot.failedStarts, 10));
        timers.schedule(() -> loop.execute(() -> {
            if (!closing && slot.state == WorkerState.DEAD) {
                startWorker(slot);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    private void sampleMemory() {
        Instant now = Instant.now();
        livePids.forEach((slotId, pid) -> {
            OptionalLong rss = memory.residentBytes(pid);
            if (rss.isPresent()) {
                loop.execute(() -> recordMemory(slotId, pid, rss.getAsLong(), now));
            }
        });
    }

    private void recordMemory(int slotId, long pid, long rssBytes, Instant at) {
        Slot slot = slots.get(slotId);
        if (slot == null || slot.process == null || slot.process.pid() != pid) {
            return;
        }
        slot.rssBytes = rssBytes;
        slot.peakRssBytes = Math.max(slot.peakRssBytes, rssBytes);
        events.publish(new EngineEvent.MemorySampled(slotId, pid, rssBytes, at));
    }

    /** Stops the workers (running jobs go back to the queue for next time) and closes the store. */
    @Override
    public void close() {
        if (loop.isShutdown()) {
            return;
        }
        timers.shutdownNow();
        List<WorkerProcess> stopping = call(() -> {
            closing = true;
            for (Slot slot : slots.values()) {
                if (slot.jobId != WorkerInfo.NO_JOB) {
                    store.release(slot.jobId).ifPresent(job -> events.publish(new EngineEvent.JobChanged(job)));
                    slot.jobId = WorkerInfo.NO_JOB;
                }
                if (slot.process != null) {
                    slot.process.shutdown();
                }
                slot.state = WorkerState.STOPPING;
            }
            return slots.values().stream().map(slot -> slot.process).filter(process -> process != null).toList();
        });
        for (WorkerProcess process : stopping) {
            awaitOrKill(process);
        }
        call(() -> {
            store.close();
            return null;
        });
        loop.shutdown();
    }

    private static void awaitOrKill(WorkerProcess process) {
        try {
            if (!process.waitForExit(SHUTDOWN_GRACE.toMillis())) {
                process.kill();
                process.waitForExit(SHUTDOWN_GRACE.toMillis());
            }
        } catch (InterruptedException interrupted) {
            process.kill();
            Thread.currentThread().interrupt();
        }
    }

    private <T> T call(Callable<T> task) {
        try {
            if (Thread.currentThread() == loopThread) {
                return task.call();
            }
            return loop.submit(task).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", interrupted);
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Reports from worker reader threads, moved onto the loop. */
    private final class WorkerEvents implements WorkerProcess.Listener {
        @Override
        public void onMessage(WorkerProcess worker, WorkerMessage message) {
            loop.execute(() -> LocalEngine.this.onMessage(worker, message));
        }

        @Override
        public void onExit(WorkerProcess worker, int exitCode) {
            if (!loop.isShutdown()) {
                loop.execute(() -> LocalEngine.this.onExit(worker, exitCode));
            }
        }
    }

    /** A place for one worker; its process is replaced when it dies. Touched only on the loop. */
    private static final class Slot {
        final int id;
        WorkerProcess process;
        WorkerState state = WorkerState.STARTING;
        long jobId = WorkerInfo.NO_JOB;
        long rssBytes;
        long peakRssBytes;
        int failedStarts;

        Slot(int id) {
            this.id = id;
        }

        void started(WorkerProcess newProcess) {
            process = newProcess;
            state = WorkerState.STARTING;
            rssBytes = 0;
            peakRssBytes = 0;
        }

        WorkerInfo info() {
            return new WorkerInfo(id, process == null ? -1 : process.pid(), state, jobId, rssBytes, peakRssBytes);
        }
    }
}
