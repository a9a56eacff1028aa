package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.AttemptHistory;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.EventDelivery;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.deployment.QueueStatistics;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.deployment.WorkerPoolControl;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.remote.FlowerClient;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.ServerJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IntelliVision server (Django and its Celery workers) as a deployment. The server can only be asked,
 * so a {@link JobPoller} turns its answers into events; what the console learns is kept in a
 * {@link RemoteJobStore}, so the list is there at once and stays readable while the server is down.
 * Cancelling deletes the job on the server, unless the deployment has a Flower, which revokes the task
 * instead; retrying submits the same inputs again as a new job linked to the old one. With a Flower
 * the deployment also reports its Celery workers and their memory, and can grow or shrink their pools.
 */
public final class IntelliVisionDeployment implements RemoteDeployment, JobControl, AttemptHistory, QueueStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(IntelliVisionDeployment.class);
    private static final Duration TOKEN_CHECK_EVERY = Duration.ofHours(1);
    /** Longer than a request's own timeouts, so a round in the middle of one can finish. */
    private static final Duration ROUND_END = Duration.ofSeconds(12);

    private final DeploymentSettings settings;
    private final IntelliVisionClient client;
    private final RemoteJobStore store;
    private final OutputImages images;
    private final Clock clock;
    private final EventFanout events = new EventFanout();
    private final ConnectionHealth health;
    private final JobPoller poller;
    private final FlowerWatch flower;
    private final Capabilities capabilities;
    private final ScheduledExecutorService schedule;
    private volatile QueueFigures lastFigures;

    /**
     * Connects and starts asking the server for news in the background.
     *
     * @param imageFolder where the images of its jobs are kept on this machine
     * @param accessTokenRenewed keeps an access token the server issued in place of an expired one
     */
    public IntelliVisionDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock) {
        this(settings, secrets, store, imageFolder, accessTokenRenewed, clock, PollingPace.every(Duration.ofSeconds(settings.pollSeconds())));
    }

    /** As above, asking at {@code pace}. */
    public IntelliVisionDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock, PollingPace pace) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        SavedCredentials credentials = new SavedCredentials(secrets, accessTokenRenewed);
        this.client = new IntelliVisionClient(settings.baseUrl(), credentials);
        this.images = new OutputImages(client, imageFolder);
        this.health = new ConnectionHealth(clock, pace.maxBackoff(), events::publish);
        this.poller = new JobPoller(settings.id(), client, store, images, health, events, clock, pace);
        this.flower = settings.flowerUrl() == null ? null : new FlowerWatch(settings.name(), settings.flowerUrl(),
                new FlowerClient(settings.flowerUrl(), settings.flowerUser(), secrets.flowerPassword()), events, clock);
        this.capabilities = capabilitiesOf(flower != null);
        this.schedule = Executors.newScheduledThreadPool(flower == null ? 1 : 2, task -> {
            Thread thread = new Thread(task, "deployment-" + settings.id());
            thread.setDaemon(true);
            return thread;
        });
        TokenWarnings tokens = new TokenWarnings(settings.name(), credentials::accessToken, credentials.refreshToken(), clock, events::publish);
        schedule.scheduleWithFixedDelay(guarded(this::pollOnce), 0, pace.tick().toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(guarded(tokens::check), 0, TOKEN_CHECK_EVERY.toMinutes(), TimeUnit.MINUTES);
        if (flower != null) {
            schedule.scheduleWithFixedDelay(guarded(flower::poll), 0, FlowerWatch.EVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** What an IntelliVision server does, and why it does not do the rest; a Flower adds its workers. */
    static Capabilities capabilitiesOf(boolean withFlower) {
        Capabilities server = Capabilities.full(EnumSet.allOf(JobType.class))
                .without(Feature.CHOSEN_FRAME_TIME, "The server picks the frame itself")
                .without(Feature.BULK_ACTIONS, "An IntelliVision server has no bulk actions; retry or cancel its jobs one by one.")
                .without(Feature.POOL_CONTROL, "The server's Celery workers decide how many jobs run at once.")
                .withRetry(RetryEffect.RESUBMITS)
                .withMemory(MemoryReading.PEAK_OF_MAIN_PROCESS)
                .withEvents(EventDelivery.POLLING);
        if (withFlower) {
            return server.withCancel(CancelEffect.STOPS_JOB);
        }
        String addFlower = " Add the deployment's Flower address (Edit) to see them.";
        return server.withCancel(CancelEffect.DELETES_JOB)
                .without(Feature.WORKERS, "This server does not report its workers." + addFlower)
                .without(Feature.MEMORY_SERIES, "This server does not report its workers' memory." + addFlower)
                .without(Feature.WORKER_POOL_RESIZE, "Without Flower the console cannot reach the Celery workers.");
    }

    private void pollOnce() {
        poller.poll();
        publishFiguresIfChanged();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException unexpected) {
                // A scheduled task that throws is never run again; the deployment must keep watching.
                LOG.warn("watching {} failed once", settings.name(), unexpected);
            }
        };
    }

    private void publishFiguresIfChanged() {
        QueueFigures figures = figures();
        if (!figures.equals(lastFigures)) {
            lastFigures = figures;
            events.publish(new QueueChanged(figures));
        }
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String displayName() {
        return settings.name();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Sends the job; the server checks a link with yt-dlp before it answers, so this can take a few seconds. */
    @Override
    public Job submit(JobRequest request) {
        return submit(request, null);
    }

    private Job submit(JobRequest request, Long retryOf) {
        ServerJob answer = health.submitting(() -> client.submit(request));
        Job job = retryOf == null ? answer.job() : answer.job().withRetryOf(retryOf);
        Job kept = poller.submitted(job);
        store.saveRequest(id(), kept.id(), request);
        publishFiguresIfChanged();
        return kept;
    }

    @Override
    public Optional<Job> job(long jobId) {
        return store.find(id(), jobId);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        return store.recent(id(), limit);
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public ConnectionChanged connection() {
        return health.current();
    }

    // ---- roles ----

    @Override
    public Optional<JobControl> jobControl() {
        return Optional.of(this);
    }

    @Override
    public Optional<AttemptHistory> attemptHistory() {
        return Optional.of(this);
    }

    @Override
    public Optional<QueueStatistics> queueStatistics() {
        return Optional.of(this);
    }

    @Override
    public Optional<WorkerMonitor> workerMonitor() {
        return flower == null ? Optional.empty() : Optional.of(new WorkerMonitor() {
            @Override
            public List<WorkerInfo> workers() {
                return flower.workers();
            }

            @Override
            public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
                return flower.memoryHistory(workerId);
            }
        });
    }

    @Override
    public Optional<WorkerPoolControl> workerPoolControl() {
        return flower == null ? Optional.empty() : Optional.of(new WorkerPoolControl() {
            @Override
            public void grow(String workerId, int processes) {
                flower.grow(workerId, processes);
            }

            @Override
            public void shrink(String workerId, int processes) {
                flower.shrink(workerId, processes);
            }
        });
    }

    /**
     * With a Flower, revokes the job's Celery task, which stops it without deleting the job; without
     * one, deletes the job on the server, which revokes its task too. Either way the console keeps the
     * job, cancelled.
     */
    @Override
    public Optional<Job> cancel(long jobId) {
        Optional<Job> known = job(jobId);
        if (known.isEmpty() || known.get().isTerminal()) {
            return known;
        }
        Job job = known.get();
        String how;
        if (flower != null && job.taskId() != null) {
            flower.revoke(job.taskId());
            how = "Cancelled: its Celery task was revoked through Flower. The server may still list the job as " + job.status().wireName() + ".";
        } else {
            client.delete(jobId);
            how = "Cancelled by deleting it from the server.";
        }
        Job cancelled = job.withStatus(JobStatus.CANCELLED, how, clock.instant());
        store.saveEndedHere(id(), cancelled, clock.instant());
        events.publish(new JobChanged(cancelled));
        publishFiguresIfChanged();
        return Optional.of(cancelled);
    }

    /** Submits the failed or cancelled job's inputs again, as a new job linked to it. */
    @Override
    public Optional<Job> retry(long jobId) {
        Optional<Job> known = job(jobId);
        if (known.isEmpty() || !(known.get().status() == JobStatus.FAILED
                || known.get().status() == JobStatus.CANCELLED)) {
            return Optional.empty();
        }
        return Optional.of(submit(RetryRequests.of(known.get(), store.request(id(), jobId), settings.baseUrl() + "/api/media/"), jobId));
    }

    /** A job and the jobs that retried it, as its attempts: each run of the same inputs, first first. */
    @Override
    public List<JobAttempt> attempts(long jobId) {
        return RetryChain.attemptsOf(id(), jobId, store);
    }

    @Override
    public QueueFigures figures() {
        QueueFigures known = store.figures(id(), clock.instant());
        return flower == null ? known : known.withBrokerQueued(flower.brokerQueued());
    }

    /**
     * Stops asking the server, and waits for a round on its way to end, so that the store can be closed
     * right after; what the console knows stays in the store.
     */
    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            if (!schedule.awaitTermination(ROUND_END.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} was still asking its server {} s after it was closed", settings.name(), ROUND_END.toSeconds());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        client.close();
        if (flower != null) {
            flower.close();
        }
    }

    @Override
    public void deleteImages() {
        images.deleteAll();
    }
}
