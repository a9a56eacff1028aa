package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.MemoryHistory;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private final EngineLoop loop = new EngineLoop();
    private final ScheduledExecutorService timers;
    private final Recovery recovery;
    private final WorkerPool pool;
    private final Limits limits;
    private QueueFigures lastFigures;
    /** A submission changed the queue; the next tick counts it. Touched only on the loop. */
    private boolean figuresStale;
    private long ticks;

    private LocalEngine(PoolConfig config, JobStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.recovery = new Recovery(store, ProcessHandle.current().pid());
        this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "engine-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.pool = new WorkerPool(config, store, clock, events, memoryHistory, loop, timers, this::publishFiguresIfChanged);
        this.limits = new Limits(config, pool);
    }

    /**
     * Opens the store, ends worker processes and requeues jobs that a console which is no longer
     * running left behind, and starts the workers.
     */
    public static LocalEngine start(PoolConfig config) throws IOException {
        return start(config, BetweenHalves.NONE);
    }

    /** As {@link #start(PoolConfig)}, with a store that tells {@code betweenHalves} of each change half stored. */
    static LocalEngine start(PoolConfig config, BetweenHalves betweenHalves) throws IOException {
        Files.createDirectories(config.framesDir());
        Clock clock = Clock.systemUTC();
        LocalEngine engine = new LocalEngine(config, JobStore.open(config.databaseFile(), clock, betweenHalves), clock);
        engine.call(() -> {
            engine.recovery.endWorkersOfDeadConsoles();
            engine.recovery.requeueJobsOfDeadConsoles().forEach(job -> engine.events.publish(new EngineEvent.JobChanged(job)));
            engine.pool.resize(config.workerCount());
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
            pool.dispatch();
            // Counted on the next tick, not per submission: a burst of submissions is counted once.
            figuresStale = true;
            return job;
        });
    }

    public Optional<Job> job(long id) {
        return call(() -> store.find(id));
    }

    public List<Job> recentJobs(int limit) {
        return call(() -> store.recent(limit));
    }

    /** The stored jobs that match {@code query}, newest first. */
    public List<Job> search(JobQuery query) {
        return call(() -> store.search(query));
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
            pool.cancelRunning(jobId);
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

    /**
     * A new pending job from {@code edited}, linked to the ended job {@code jobId}, which stays as it
     * was; empty if that job is unknown or has not ended.
     */
    public Optional<Job> retryWith(long jobId, JobRequest edited) {
        return call(() -> {
            Optional<Job> original = store.find(jobId);
            if (original.isEmpty() || !original.get().isTerminal()) {
                return Optional.<Job>empty();
            }
            Job job = store.insert(edited, JobPriority.of(edited.type()), jobId);
            events.publish(new EngineEvent.JobChanged(job));
            pool.dispatch();
            figuresStale = true;
            return Optional.of(job);
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
        pool.dispatch();
        publishFiguresIfChanged();
    }

    // ---- the pool ----

    public List<WorkerInfo> workers() {
        return call(pool::workers);
    }

    /** The last hour of one worker's memory samples, oldest first. */
    public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
        return memoryHistory.of(workerId);
    }

    /** This machine's physical memory, total and available now. */
    public SystemMemory machineMemory() {
        return memory.machine();
    }

    /** Grows or shrinks the pool while it runs; busy workers leave after their job. */
    public void resize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + size);
        }
        call(() -> {
            pool.resize(size);
            return null;
        });
    }

    /** Stops handing out jobs; running jobs finish. */
    public void pause() {
        call(() -> {
            pool.setPaused(true);
            return null;
        });
    }

    public void resume() {
        call(() -> {
            pool.setPaused(false);
            return null;
        });
    }

    public boolean isPaused() {
        return call(pool::isPaused);
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

    /** Reads every worker's memory off the loop, then records it and enforces the limits on the loop. */
    private void tick() {
        Instant now = clock.instant();
        List<EngineEvent.MemorySampled> samples = new ArrayList<>();
        pool.livePids().forEach((slotId, pid) -> {
            OptionalLong rss = memory.residentBytes(pid);
            if (rss.isPresent()) {
                samples.add(new EngineEvent.MemorySampled(WorkerSlot.nameOf(slotId), pid, rss.getAsLong(), now));
            }
        });
        boolean keep = ticks++ % TICKS_PER_SAMPLE == 0;
        loop.execute(() -> {
            samples.forEach(sample -> pool.recordMemory(sample, keep));
            limits.check(pool.slots(), now);
            if (keep || figuresStale) {
                figuresStale = false;
                publishFiguresIfChanged();
            }
        });
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

    /** Stops the workers (running jobs go back to the queue for next time) and closes the store. */
    @Override
    public void close() {
        if (loop.isShutdown()) {
            return;
        }
        timers.shutdownNow();
        List<WorkerProcess> stopping = call(pool::closeAll);
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
        return loop.call(task);
    }
}
