package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.MemoryHistory;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.worker.OutputFiles;
import com.intellivision.console.worker.WorkerMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The embedded job engine: a persistent queue and a pool of worker processes. A worker may crash,
 * bloat or hang; the console and every job survive it: a lost worker's job is run again (up to
 * {@link PoolConfig#maxRetries()}), a worker over its memory or time limit is killed, and every worker
 * that ends is replaced.
 *
 * <p>All state lives on one loop thread, so the engine needs no locks: public methods hand their work
 * to the loop and wait for it, worker messages are queued onto it, and events are published from it.
 */
public final class LocalEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);
    /** Memory is read this often, so a worker over the hard limit is caught quickly ... */
    private static final Duration TICK = Duration.ofMillis(250);
    /** ... but kept and published once a second. */
    private static final int TICKS_PER_SAMPLE = 4;
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

    private final PoolConfig config;
    private final JobStore store;
    private final Clock clock;
    private final EventBus events = new EventBus();
    private final MemorySampler memory = new MemorySampler();
    private final MemoryHistory memoryHistory = new MemoryHistory(MemoryHistory.HOUR_OF_SECONDS);
    private final ExecutorService loop;
    private final ScheduledExecutorService timers;
    private final Map<Integer, WorkerSlot> slots = new TreeMap<>();
    private final Map<Integer, Long> livePids = new ConcurrentHashMap<>();
    private final long ownPid = ProcessHandle.current().pid();
    private volatile Thread loopThread;
    private int poolSize;
    private int lastSlotId;
    private boolean paused;
    private boolean closing;
    private QueueFigures lastFigures;
    private long ticks;

    private LocalEngine(PoolConfig config, JobStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.loop = Executors.newSingleThreadExecutor(task -> daemon(task, "engine-loop", true));
        this.timers = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "engine-timers", false));
    }

    private Thread daemon(Runnable task, String name, boolean isLoop) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        if (isLoop) {
            loopThread = thread;
        }
        return thread;
    }

    /**
     * Opens the store, ends worker processes and requeues jobs that a console which is no longer
     * running left behind, and starts the workers.
     */
    public static LocalEngine start(PoolConfig config) throws IOException {
        Files.createDirectories(config.framesDir());
        Clock clock = Clock.systemUTC();
        LocalEngine engine = new LocalEngine(config, JobStore.open(config.databaseFile(), clock), clock);
        engine.call(() -> {
            engine.endWorkersOfDeadConsoles();
            engine.requeueJobsOfDeadConsoles();
            engine.resizeOnLoop(config.workerCount());
            engine.publishFiguresIfChanged();
            return null;
        });
        engine.timers.scheduleAtFixedRate(engine::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return engine;
    }

    public PoolConfig config() {
        return config;
    }

    // ---- jobs ----

    /** Stores the job as pending and hands it to an idle worker if there is one. */
    public Job submit(JobRequest request) {
        return call(() -> {
            Job job = store.insert(request, JobPriority.of(request.type()));
            events.publish(new EngineEvent.JobChanged(job));
            dispatch();
            publishFiguresIfChanged();
            return job;
        });
    }

    public Optional<Job> job(long id) {
        return call(() -> store.find(id));
    }

    public List<Job> recentJobs(int limit) {
        return call(() -> store.recent(limit));
    }

    /** Every run of the job so far, first first, with its worker, timing and error. */
    public List<JobAttempt> attempts(long jobId) {
        return call(() -> store.attempts(jobId));
    }

    /** Jobs that failed for good after using up their retries. */
    public List<Job> deadLetters() {
        return call(store::deadLetters);
    }

    public QueueFigures figures() {
        return call(store::figures);
    }

    /**
     * Cancels a job: a pending one at once; a running one is asked to stop, and if its worker has not
     * stopped within two seconds the worker is killed and replaced. Either way its files are removed.
     * Returns the job as it is after the call (a running job is still processing until it stops).
     */
    public Optional<Job> cancel(long jobId) {
        return call(() -> {
            Optional<Job> cancelled = store.cancelPending(jobId);
            if (cancelled.isPresent()) {
                events.publish(new EngineEvent.JobChanged(cancelled.get()));
                publishFiguresIfChanged();
                return cancelled;
            }
            slotRunning(jobId).ifPresent(slot -> stopJob(slot, null));
            return store.find(jobId);
        });
    }

    /** A failed or cancelled job goes back to the queue; its attempts so far are kept. */
    public Optional<Job> retry(long jobId) {
        return call(() -> {
            Optional<Job> retried = store.retry(jobId);
            retried.ifPresent(this::queued);
            return retried;
        });
    }

    public int retryAllFailed() {
        return call(() -> {
            List<Job> retried = store.retryAllFailed();
            retried.forEach(this::queued);
            return retried.size();
        });
    }

    public int cancelAllPending() {
        return call(() -> {
            List<Job> cancelled = store.cancelAllPending();
            cancelled.forEach(job -> events.publish(new EngineEvent.JobChanged(job)));
            publishFiguresIfChanged();
            return cancelled.size();
        });
    }

    private void queued(Job job) {
        events.publish(new EngineEvent.JobChanged(job));
        dispatch();
        publishFiguresIfChanged();
    }

    // ---- the pool ----

    public List<WorkerInfo> workers() {
        return call(() -> slots.values().stream().map(WorkerSlot::info).toList());
    }

    /** The last hour of one worker's memory samples, oldest first. */
    public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
        return memoryHistory.of(workerId);
    }

    /** Grows or shrinks the pool while it runs; busy workers leave after their job. */
    public void resize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + size);
        }
        call(() -> {
            resizeOnLoop(size);
            return null;
        });
    }

    /** Stops handing out jobs; running jobs finish. */
    public void pause() {
        call(() -> {
            paused = true;
            events.publish(new EngineEvent.PoolChanged(poolSize, true));
            return null;
        });
    }

    public void resume() {
        call(() -> {
            paused = false;
            events.publish(new EngineEvent.PoolChanged(poolSize, false));
            dispatch();
            return null;
        });
    }

    public boolean isPaused() {
        return call(() -> paused);
    }

    // ---- events ----

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

    private void endWorkersOfDeadConsoles() {
        for (JobStore.RegisteredWorker left : store.takeWorkersOfDeadConsoles(this::isOtherLiveProcess)) {
            ProcessHandle.of(left.pid())
                    .filter(process -> process.info().startInstant().map(left.startedAt()::equals).orElse(false))
                    .ifPresent(process -> {
                        LOG.info("ending worker process {} left by a console that stopped", left.pid());
                        process.destroyForcibly();
                    });
        }
    }

    private void requeueJobsOfDeadConsoles() {
        List<Job> requeued = store.requeueOrphans(this::isOtherLiveProcess);
        requeued.forEach(job -> events.publish(new EngineEvent.JobChanged(job)));
        if (!requeued.isEmpty()) {
            LOG.info("requeued {} job(s) left running by a console that stopped", requeued.size());
        }
    }

    private boolean isOtherLiveProcess(long pid) {
        return pid != ownPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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

    private void dispatch() {
        if (closing || paused) {
            return;
        }
        for (WorkerSlot slot : slots.values()) {
            if (slot.state != WorkerState.IDLE || slot.retiring) {
                continue;
            }
            Optional<Job> next = store.claimNextPending(ownPid, slot.id, slot.process.pid());
            if (next.isEmpty()) {
                break;
            }
            Job job = next.get();
            slot.take(job.id(), job.type(), clock.instant());
            events.publish(new EngineEvent.JobChanged(job));
            events.publish(new EngineEvent.WorkerChanged(slot.info()));
            // If the worker died just now, its exit report requeues the job; nothing to do here.
            slot.process.send(new WorkerMessage.RunJob(job.id(), job.type(), job.youtubeUrl(), job.params(),
                    config.framesDir().toAbsolutePath().toString()));
        }
    }

    private void onMessage(WorkerProcess process, WorkerMessage message) {
        WorkerSlot slot = slots.get(process.slot());
        if (closing || slot == null || slot.process != process) {
            return;
        }
        if (message instanceof WorkerMessage.Ready) {
            slot.failedStarts = 0;
            becomeIdle(slot);
        } else if (message instanceof WorkerMessage.Progress progress) {
            if (progress.jobId() == slot.jobId) {
                events.publish(new EngineEvent.JobProgress(progress.jobId(), progress.percentage(), progress.stage(), progress.details()));
            }
        } else if (message instanceof WorkerMessage.Completed completed) {
            if (completed.jobId() == slot.jobId) {
                finishJob(slot, store.complete(completed.jobId(), completed.results(), completed.outputImage()));
            }
        } else if (message instanceof WorkerMessage.Failed failed) {
            if (failed.jobId() == slot.jobId) {
                finishJob(slot, store.fail(failed.jobId(), failed.error(), false));
            }
        } else if (message instanceof WorkerMessage.Cancelled cancelled) {
            if (cancelled.jobId() == slot.jobId) {
                finishJob(slot, stoppedJob(slot));
            }
        } else {
            LOG.warn("worker {} sent a message meant for workers: {}", slot.id, message);
        }
    }

    /** The job of a slot that stopped as asked: cancelled by a person, or failed by a time limit. */
    private Job stoppedJob(WorkerSlot slot) {
        OutputFiles.deleteAll(config.framesDir(), slot.jobId);
        return slot.stopReason == null ? store.cancelRunning(slot.jobId) : store.fail(slot.jobId, slot.stopReason, false);
    }

    private void finishJob(WorkerSlot slot, Job job) {
        slot.jobsDone++;
        slot.clearJob();
        events.publish(new EngineEvent.JobChanged(job));
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
        publishFiguresIfChanged();
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
    private void stopJob(WorkerSlot slot, String reason) {
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

    private void kill(WorkerSlot slot, String reason) {
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
            events.publish(new EngineEvent.JobChanged(jobOfExitedWorker(slot, process, exitCode)));
            slot.clearJob();
        }
        slot.state = WorkerState.DEAD;
        events.publish(new EngineEvent.WorkerChanged(slot.info()));
        if (slot.retiring) {
            slots.remove(slot.id);
        } else if (before == WorkerState.STARTING) {
            LOG.warn("worker {} exited before it was ready ({}){}", slot.id, ExitCodes.describe(exitCode), lastWords(process));
            slot.failedStarts++;
            scheduleRestart(slot);
        } else {
            startWorker(slot);
        }
        dispatch();
    }

    private Job jobOfExitedWorker(WorkerSlot slot, WorkerProcess process, int exitCode) {
        if (slot.stopRequested) {
            return stoppedJob(slot);
        }
        OutputFiles.deleteAll(config.framesDir(), slot.jobId);
        if (slot.killReason != null) {
            return store.fail(slot.jobId, slot.killReason, false);
        }
        String lost = "Worker lost (" + ExitCodes.describe(exitCode) + ")" + lastWords(process);
        int attempts = store.find(slot.jobId).map(Job::attempts).orElse(Integer.MAX_VALUE);
        if (attempts <= config.maxRetries()) {
            return store.requeue(slot.jobId, lost + "; the job was queued again.");
        }
        return store.fail(slot.jobId, lost + ". It was lost " + attempts + " times, so it will not be retried automatically;"
                + " the video may need more memory than a worker has. Retry it by hand to try again.", true);
    }

    private static String lastWords(WorkerProcess process) {
        String stderr = process.lastStderr();
        return stderr.isEmpty() ? "" : "; it last said: " + stderr;
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

    /** Reads every worker's memory off the loop, then records it and enforces the limits on the loop. */
    private void tick() {
        Instant now = clock.instant();
        List<EngineEvent.MemorySampled> samples = new ArrayList<>();
        livePids.forEach((slotId, pid) -> {
            OptionalLong rss = memory.residentBytes(pid);
            if (rss.isPresent()) {
                samples.add(new EngineEvent.MemorySampled(WorkerSlot.nameOf(slotId), pid, rss.getAsLong(), now));
            }
        });
        try {
            boolean keep = ticks++ % TICKS_PER_SAMPLE == 0;
            loop.execute(() -> {
                samples.forEach(sample -> recordMemory(sample, keep));
                enforceLimits(now);
                if (keep) {
                    publishFiguresIfChanged();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The engine is closing; nothing left to watch.
        }
    }

    private void recordMemory(EngineEvent.MemorySampled sample, boolean keep) {
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

    private void enforceLimits(Instant now) {
        for (WorkerSlot slot : slots.values()) {
            if (!slot.isRunningJob() || slot.killReason != null) {
                continue;
            }
            long hard = config.memoryLimits().hardBytes();
            if (slot.rssBytes > hard) {
                kill(slot, "Worker exceeded memory limit (" + MemoryLimits.toMiB(slot.rssBytes) + " MiB > "
                        + MemoryLimits.toMiB(hard) + " MiB); the worker was stopped. Try a smaller video or raise the limit.");
                continue;
            }
            TimeLimits.Limit limit = config.timeLimits().of(slot.jobType);
            Duration running = Duration.between(slot.jobStartedAt, now);
            if (running.compareTo(limit.hard()) > 0) {
                kill(slot, "The job ran past its hard time limit of " + limit.hard().toSeconds() + " s; the worker was stopped.");
            } else if (running.compareTo(limit.soft()) > 0) {
                stopJob(slot, "The job ran past its soft time limit of " + limit.soft().toSeconds() + " s and was stopped.");
            }
        }
    }

    /**
     * Counts the queue (a handful of indexed queries) once per submission, finished job or tick,
     * not on every dispatch, which would count it again for each of those.
     */
    private void publishFiguresIfChanged() {
        QueueFigures figures = store.figures();
        if (!figures.equals(lastFigures)) {
            lastFigures = figures;
            events.publish(new EngineEvent.QueueChanged(figures));
        }
    }

    private Optional<WorkerSlot> slotRunning(long jobId) {
        return slots.values().stream().filter(slot -> slot.jobId == jobId).findFirst();
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
        });
        for (WorkerProcess process : stopping) {
            awaitOrKill(process);
        }
        call(() -> {
            stopping.forEach(process -> store.unregisterWorker(process.pid()));
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
        } catch (RuntimeException unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Reports from worker reader threads, moved onto the loop. */
    private final class WorkerEvents implements WorkerProcess.Listener {
        @Override
        public void onMessage(WorkerProcess worker, WorkerMessage message) {
            runOnLoop(() -> LocalEngine.this.onMessage(worker, message));
        }

        @Override
        public void onExit(WorkerProcess worker, int exitCode) {
            runOnLoop(() -> LocalEngine.this.onExit(worker, exitCode));
        }

        private void runOnLoop(Runnable task) {
            try {
                loop.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // The engine has closed; a late report changes nothing.
            }
        }
    }
}
