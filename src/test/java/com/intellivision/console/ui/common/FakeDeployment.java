package com.intellivision.console.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.deployment.AttemptHistory;
import com.intellivision.console.deployment.BulkActions;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.deployment.MachineMemory;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.deployment.QueueStatistics;
import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.RetryEdits;
import com.intellivision.console.job.WorkerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A deployment in memory that records what the view model asks of it and emits events on demand. */
public final class FakeDeployment implements Deployment {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<JobRequest> submitted = new CopyOnWriteArrayList<>();
    public final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    public String id = "fake";
    public String name = "Fake pool";
    public List<Job> recentJobs = new ArrayList<>();
    public List<WorkerInfo> workers = new ArrayList<>();
    public Function<JobRequest, Job> onSubmit = request -> {
        throw new IllegalStateException("no submission expected");
    };
    public RuntimeException recentJobsFailure;
    public RuntimeException attemptsFailure;
    public RuntimeException bulkFailure;
    public boolean closed;
    Runnable whenClosed = () -> {};
    public Map<Long, List<JobAttempt>> attempts = new HashMap<>();
    Function<Long, Optional<Job>> onCancel = jobId -> Optional.empty();
    Function<Long, Optional<Job>> onRetry = jobId -> Optional.empty();
    BiFunction<Long, JobRequest, Optional<Job>> onRetryWith = (jobId, edited) -> Optional.empty();
    public final List<JobRequest> retriedWith = new CopyOnWriteArrayList<>();
    public int failedToRetry;
    public int pendingToCancel;
    public QueueFigures figures = QueueFigures.EMPTY;
    public Map<String, List<EngineEvent.MemorySampled>> memoryHistories = new HashMap<>();
    /** What the worker monitor says of its limits and its machine; none by default, as a remote deployment. */
    public Optional<WorkerMemoryLimits> memoryLimits = Optional.empty();
    public Optional<MachineMemory> machineMemory = Optional.empty();
    ConnectionChanged connection = new ConnectionChanged(ConnectionState.CONNECTED, "", Instant.EPOCH);
    public Capabilities capabilities = Capabilities.full(EnumSet.of(JobType.YOUTUBE_FRAME_EXTRACTION, JobType.PEOPLE_COUNT))
            .without(Capabilities.Feature.POOL_CONTROL, "The fake pool cannot be controlled.")
            .without(Capabilities.Feature.WORKER_POOL_RESIZE, "Its workers have no pools of their own.");
    /** Empty for a deployment whose pool cannot be controlled; see {@link #withPool(boolean)}. */
    public Optional<PoolControl> pool = Optional.empty();

    /** Gives the deployment a pool people can control, recording each call in {@link #calls}. */
    public FakeDeployment withPool(boolean paused) {
        boolean[] isPaused = {paused};
        capabilities = Capabilities.full(capabilities.jobTypes())
                .without(Capabilities.Feature.WORKER_POOL_RESIZE, "Its workers have no pools of their own.");
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

    /**
     * Runs jobs as a deployment would, on a thread of its own, by their link: one with "fail" fails, one
     * with "stay" runs until cancelled, any other completes. Cancel stops a job, retry queues it again.
     */
    public FakeDeployment runningJobs() {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fake-deployment");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong ids = new AtomicLong(1);
        recentJobs = new CopyOnWriteArrayList<>();
        onSubmit = request -> {
            Instant now = Instant.now();
            Job job = new Job(ids.getAndIncrement(), request.type(), JobStatus.PENDING, request.url(), request.params(), null, null, null,
                    0, 0, false, now, now);
            keep(job);
            run(job, worker);
            return job;
        };
        onCancel = jobId -> job(jobId).filter(job -> !job.isTerminal()).map(job -> keep(job.withStatus(JobStatus.CANCELLED,
                "Cancelled while running.", Instant.now())));
        onRetry = jobId -> job(jobId).filter(job -> job.status() == JobStatus.FAILED || job.status() == JobStatus.CANCELLED).map(job -> {
            Job again = keep(job.withStatus(JobStatus.PENDING, null, Instant.now()));
            run(again, worker);
            return again;
        });
        onRetryWith = (jobId, edited) -> job(jobId).filter(Job::isTerminal).map(original -> {
            RetryEdits.checked(original, edited);
            Instant now = Instant.now();
            Job again = keep(new Job(ids.getAndIncrement(), edited.type(), JobStatus.PENDING, edited.url(), edited.params(), null, null, null,
                    0, 0, false, now, now).withRetryOf(jobId));
            run(again, worker);
            return again;
        });
        whenClosed = worker::shutdownNow;
        return this;
    }

    private void run(Job job, ScheduledExecutorService worker) {
        worker.schedule(() -> {
            job(job.id()).filter(current -> current.status() == JobStatus.PENDING)
                    .ifPresent(current -> keep(current.withStatus(JobStatus.PROCESSING, null, Instant.now())));
            if (job.youtubeUrl().contains("stay")) {
                return;
            }
            job(job.id()).filter(current -> current.status() == JobStatus.PROCESSING).ifPresent(current -> keep(job.youtubeUrl().contains("fail")
                    ? current.withStatus(JobStatus.FAILED, "The video could not be opened: it does not exist.", Instant.now())
                    : completed(current)));
        }, 50, TimeUnit.MILLISECONDS);
    }

    private static Job completed(Job job) {
        ObjectNode results = JobJson.mapper().createObjectNode().put("frame_url", "file:/tmp/frames/" + job.id() + ".png");
        return new Job(job.id(), job.type(), JobStatus.COMPLETED, job.youtubeUrl(), job.params(), results, null, null, 1, 0, false,
                job.createdAt(), Instant.now()).withRetryOf(job.retryOf());
    }

    /** Keeps a job's latest state, newest job first, and tells the listeners. */
    private synchronized Job keep(Job job) {
        recentJobs.removeIf(known -> known.id() == job.id());
        int at = 0;
        while (at < recentJobs.size() && recentJobs.get(at).id() > job.id()) {
            at++;
        }
        recentJobs.add(at, job);
        emit(new EngineEvent.JobChanged(job));
        return job;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        calls.add("displayName");
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Job submit(JobRequest request) {
        calls.add("submit");
        submitted.add(request);
        return onSubmit.apply(request);
    }

    @Override
    public synchronized Optional<Job> job(long jobId) {
        return recentJobs.stream().filter(job -> job.id() == jobId).findFirst();
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
    public ConnectionChanged connection() {
        return connection;
    }

    @Override
    public Optional<JobControl> jobControl() {
        if (!capabilities.has(Capabilities.Feature.CANCEL) && !capabilities.has(Capabilities.Feature.RETRY)) {
            return Optional.empty();
        }
        return Optional.of(new JobControl() {
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
            public Optional<Job> retryWith(long jobId, JobRequest edited) {
                calls.add("retryWith " + jobId);
                retriedWith.add(edited);
                return onRetryWith.apply(jobId, edited);
            }
        });
    }

    @Override
    public Optional<BulkActions> bulkActions() {
        if (!capabilities.has(Capabilities.Feature.BULK_ACTIONS)) {
            return Optional.empty();
        }
        return Optional.of(new BulkActions() {
            @Override
            public int retryAllFailed() {
                calls.add("retryAllFailed");
                if (bulkFailure != null) {
                    throw bulkFailure;
                }
                return failedToRetry;
            }

            @Override
            public int cancelAllPending() {
                calls.add("cancelAllPending");
                return pendingToCancel;
            }
        });
    }

    @Override
    public Optional<AttemptHistory> attemptHistory() {
        if (!capabilities.has(Capabilities.Feature.ATTEMPT_HISTORY)) {
            return Optional.empty();
        }
        return Optional.of(jobId -> {
            calls.add("attempts " + jobId);
            if (attemptsFailure != null) {
                throw attemptsFailure;
            }
            return List.copyOf(attempts.getOrDefault(jobId, List.of()));
        });
    }

    @Override
    public Optional<WorkerMonitor> workerMonitor() {
        return Optional.of(new WorkerMonitor() {
            @Override
            public List<WorkerInfo> workers() {
                calls.add("workers");
                return List.copyOf(workers);
            }

            @Override
            public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
                calls.add("memoryHistory " + workerId);
                return List.copyOf(memoryHistories.getOrDefault(workerId, List.of()));
            }

            @Override
            public Optional<WorkerMemoryLimits> memoryLimits() {
                calls.add("memoryLimits");
                return memoryLimits;
            }

            @Override
            public Optional<MachineMemory> machineMemory() {
                calls.add("machineMemory");
                return machineMemory;
            }
        });
    }

    @Override
    public Optional<QueueStatistics> queueStatistics() {
        return Optional.of(() -> {
            calls.add("figures");
            return figures;
        });
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

    public void emit(EngineEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public void close() {
        calls.add("close");
        closed = true;
        whenClosed.run();
    }
}
