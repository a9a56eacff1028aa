package com.intellivision.console.ui;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import java.util.ArrayList;
import java.util.List;
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
        return List.of();
    }

    @Override
    public Optional<Job> cancel(long jobId) {
        calls.add("cancel " + jobId);
        return Optional.empty();
    }

    @Override
    public Optional<Job> retry(long jobId) {
        calls.add("retry " + jobId);
        return Optional.empty();
    }

    @Override
    public int retryAllFailed() {
        calls.add("retryAllFailed");
        return 0;
    }

    @Override
    public int cancelAllPending() {
        calls.add("cancelAllPending");
        return 0;
    }

    @Override
    public QueueFigures figures() {
        calls.add("figures");
        return QueueFigures.EMPTY;
    }

    @Override
    public List<EngineEvent.MemorySampled> memoryHistory(int workerId) {
        calls.add("memoryHistory " + workerId);
        return List.of();
    }

    @Override
    public Optional<PoolControl> poolControl() {
        return Optional.empty();
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
