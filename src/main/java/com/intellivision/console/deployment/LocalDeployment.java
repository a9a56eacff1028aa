package com.intellivision.console.deployment;

import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.RetryEdits;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.pool.SystemMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded pool on this machine: no server, workers are child processes of the console. It can do
 * everything the console offers, for the job types its workers run.
 */
public final class LocalDeployment implements Deployment, JobControl, BulkActions, AttemptHistory, WorkerMonitor, PoolControl,
        QueueStatistics, JobSearch {

    /** What the workers of the local pool run. */
    public static final Set<JobType> JOB_TYPES = EnumSet.of(JobType.YOUTUBE_FRAME_EXTRACTION, JobType.PEOPLE_COUNT);

    private static final Capabilities CAPABILITIES = Capabilities.full(JOB_TYPES).without(Capabilities.Feature.WORKER_POOL_RESIZE,
            "Local workers are one process each; change how many there are instead.");

    private final LocalEngine engine;
    private final Optional<LinkPreview> linkPreview;
    private final Optional<FirstRunHelp> firstRunHelp;
    private final ConnectionChanged connected = new ConnectionChanged(ConnectionState.CONNECTED, "", Instant.now());

    public LocalDeployment(LocalEngine engine) {
        this(engine, null);
    }

    /** @param linkPreview looks links up as the workers do, keeping what it finds where they look first; null for none */
    public LocalDeployment(LocalEngine engine, LinkPreview linkPreview) {
        this(engine, linkPreview, null);
    }

    /** @param firstRunHelp what a first run on an empty pool is offered (a sample video, a yt-dlp check); null for none */
    public LocalDeployment(LocalEngine engine, LinkPreview linkPreview, FirstRunHelp firstRunHelp) {
        this.engine = engine;
        this.linkPreview = Optional.ofNullable(linkPreview);
        this.firstRunHelp = Optional.ofNullable(firstRunHelp);
    }

    /** Starts an engine with {@code config}; its workers come up in the background. */
    public static LocalDeployment start(PoolConfig config) {
        return start(config, null);
    }

    /** As {@link #start(PoolConfig)}, looking links up with {@code linkPreview} (null for none). */
    public static LocalDeployment start(PoolConfig config, LinkPreview linkPreview) {
        return start(config, linkPreview, null);
    }

    /** As {@link #start(PoolConfig, LinkPreview)}, offering {@code firstRunHelp} (null for none) while the pool has no jobs. */
    public static LocalDeployment start(PoolConfig config, LinkPreview linkPreview, FirstRunHelp firstRunHelp) {
        try {
            return new LocalDeployment(LocalEngine.start(config), linkPreview, firstRunHelp);
        } catch (IOException cannotStart) {
            throw new UncheckedIOException("the local pool could not start in " + config.dataDir() + ": " + cannotStart.getMessage(), cannotStart);
        }
    }

    public LocalEngine engine() {
        return engine;
    }

    @Override
    public String id() {
        return LOCAL_ID;
    }

    @Override
    public String displayName() {
        return "Local pool";
    }

    @Override
    public Optional<LinkPreview> linkPreview() {
        return linkPreview;
    }

    @Override
    public Optional<FirstRunHelp> firstRunHelp() {
        return firstRunHelp;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Job submit(JobRequest request) {
        if (!JOB_TYPES.contains(request.type())) {
            throw new IllegalArgumentException("The local pool cannot run " + request.type().displayName().toLowerCase(Locale.ROOT)
                    + " jobs; only an IntelliVision server runs them.");
        }
        return engine.submit(request);
    }

    @Override
    public Optional<Job> job(long jobId) {
        return engine.job(jobId);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        return engine.recentJobs(limit);
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        Runnable unsubscribe = engine.subscribe(listener);
        return unsubscribe::run;
    }

    @Override
    public ConnectionChanged connection() {
        return connected;
    }

    // ---- roles: every one but a Celery worker's own pool ----

    @Override
    public Optional<Job> cancel(long jobId) {
        return engine.cancel(jobId);
    }

    @Override
    public Optional<Job> retry(long jobId) {
        return engine.retry(jobId);
    }

    /** A new job from the checked edit, linked to the old one. */
    @Override
    public Optional<Job> retryWith(long jobId, JobRequest edited) {
        Optional<Job> original = engine.job(jobId);
        if (original.isEmpty() || !original.get().isTerminal()) {
            return Optional.empty();
        }
        return engine.retryWith(jobId, RetryEdits.checked(original.get(), edited));
    }

    @Override
    public int retryAllFailed() {
        return engine.retryAllFailed();
    }

    @Override
    public int cancelAllPending() {
        return engine.cancelAllPending();
    }

    @Override
    public List<JobAttempt> attempts(long jobId) {
        return engine.attempts(jobId);
    }

    @Override
    public List<WorkerInfo> workers() {
        return engine.workers();
    }

    @Override
    public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
        return engine.memoryHistory(workerId);
    }

    @Override
    public Optional<WorkerMemoryLimits> memoryLimits() {
        MemoryLimits limits = engine.config().memoryLimits();
        return Optional.of(new WorkerMemoryLimits(limits.softBytes(), limits.hardBytes()));
    }

    @Override
    public Optional<MachineMemory> machineMemory() {
        SystemMemory machine = engine.machineMemory();
        return Optional.of(new MachineMemory(machine.totalBytes(), machine.availableBytes()));
    }

    @Override
    public void resize(int workers) {
        engine.resize(workers);
    }

    @Override
    public void pause() {
        engine.pause();
    }

    @Override
    public void resume() {
        engine.resume();
    }

    @Override
    public boolean isPaused() {
        return engine.isPaused();
    }

    @Override
    public QueueFigures figures() {
        return engine.figures();
    }

    @Override
    public List<Job> search(JobQuery query) {
        return engine.search(query);
    }

    @Override
    public void close() {
        engine.close();
    }
}
