package com.intellivision.console.ui;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/** A deployment in memory that records what the view model asks of it and emits events on demand. */
final class FakeDeployment implements Deployment {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<JobRequest> submitted = new CopyOnWriteArrayList<>();
    final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    List<Job> recentJobs = new ArrayList<>();
    List<WorkerInfo> workers = new ArrayList<>();
    Function<JobRequest, Job> onSubmit = request -> {
        throw new IllegalStateException("no submission expected");
    };
    RuntimeException recentJobsFailure;
    boolean closed;
    Map<Long, List<JobAttempt>> attempts = new HashMap<>();
    Function<Long, Optional<Job>> onCancel = jobId -> Optional.empty();
    Function<Long, Optional<Job>> onRetry = jobId -> Optional.empty();
    int failedToRetry;
    int pendingToCancel;
    QueueFigures figures = QueueFigures.EMPTY;
    Map<Integer, List<EngineEvent.MemorySampled>> memoryHistories = new HashMap<>();
    /** Empty for a deployment whose pool cannot be controlled; see {@link #withPool(boolean)}. */
    Optional<PoolControl> pool = Optional.empty();

    /** Gives the deployment a pool people can control, recording each call in {@link #calls}. */
    FakeDeployment withPool(boolean paused) {
        boolean[] isPaused = {paused};
        pool = Optional.of(new PoolControl() {
            @Override
            public void resize(int workers) {
                calls.add("resize " + workers);
            }

            @Override
            public void pause() {
                calls.add("pause");
                isPaused[0] = true;
            }

            @Override
            public void resume() {
                calls.add("resume");
                isPaused[0] = false;
            }

            @Override
            public boolean isPaused() {
                return isPaused[0];
            }
        });
        return this;
    }

    @Override
    public String displayName() {
        calls.add("displayName");
        return "Fake pool";
    }

    @Override
    public Job submit(JobRequest request) {
        calls.add("submit");
        submitted.add(request);
        return onSubmit.apply(request);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        calls.add("recentJobs " + limit);
        if (recentJobsFailure != null) {
            throw recentJobsFailure;
        }
        return List.copyOf(recentJobs);
    }

    @Override
    public List<WorkerInfo> workers() {
        calls.add("workers");
        return List.copyOf(workers);
    }

    @Override
    public List<JobAttempt> attempts(long jobId) {
        calls.add("attempts " + jobId);
        return List.copyOf(attempts.getOrDefault(jobId, List.of()));
    }

    @Override
    public Optional<Job> cancel(long jobId) {
        calls.add("cancel " + jobId);
        return onCancel.apply(jobId);
    }

    @Override
    public Optional<Job> retry(long jobId) {
        calls.add("retry " + jobId);
        return onRetry.apply(jobId);
    }

    @Override
    public int retryAllFailed() {
        calls.add("retryAllFailed");
        return failedToRetry;
    }

    @Override
    public int cancelAllPending() {
        calls.add("cancelAllPending");
        return pendingToCancel;
    }

    @Override
    public QueueFigures figures() {
        calls.add("figures");
        return figures;
    }

    @Override
    public List<EngineEvent.MemorySampled> memoryHistory(int workerId) {
        calls.add("memoryHistory " + workerId);
        return List.copyOf(memoryHistories.getOrDefault(workerId, List.of()));
    }

    @Override
    public Optional<PoolControl> poolControl() {
        calls.add("poolControl");
        return pool;
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        calls.add("subscribe");
        listeners.add(listener);
        return () -> {
            calls.add("unsubscribe");
            listeners.remove(listener);
        };
    }

    void emit(EngineEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public void close() {
        calls.add("close");
        closed = true;
    }
}
