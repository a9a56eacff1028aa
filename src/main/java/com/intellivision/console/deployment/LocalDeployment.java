package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The embedded pool on this machine: no server, workers are child processes of the console. */
public final class LocalDeployment implements Deployment {

    private final LocalEngine engine;

    public LocalDeployment(LocalEngine engine) {
        this.engine = engine;
    }

    /** Starts an engine with {@code config}; its workers come up in the background. */
    public static LocalDeployment start(PoolConfig config) {
        try {
            return new LocalDeployment(LocalEngine.start(config));
        } catch (IOException cannotStart) {
            throw new UncheckedIOException("the local pool could not start in " + config.dataDir() + ": " + cannotStart.getMessage(), cannotStart);
        }
    }

    public LocalEngine engine() {
        return engine;
    }

    @Override
    public String displayName() {
        return "Local pool";
    }

    @Override
    public Job submit(JobRequest request) {
        return engine.submit(request);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        return engine.recentJobs(limit);
    }

    @Override
    public List<JobAttempt> attempts(long jobId) {
        return engine.attempts(jobId);
    }

    @Override
    public Optional<Job> cancel(long jobId) {
        return engine.cancel(jobId);
    }

    @Override
    public Optional<Job> retry(long jobId) {
        return engine.retry(jobId);
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
    public QueueFigures figures() {
        return engine.figures();
    }

    @Override
    public List<WorkerInfo> workers() {
        return engine.workers();
    }

    @Override
    public List<EngineEvent.MemorySampled> memoryHistory(int workerId) {
        return engine.memoryHistory(workerId);
    }

    @Override
    public Optional<PoolControl> poolControl() {
        return Optional.of(new PoolControl() {
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
        });
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        Runnable unsubscribe = engine.subscribe(listener);
        return unsubscribe::run;
    }

    @Override
    public void close() {
        engine.close();
    }
}
