package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.AttemptHistory;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.EventDelivery;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.deployment.QueueStatistics;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.deployment.WorkerPoolControl;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.RetryEdits;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.remote.FlowerClient;
import com.intellivision.console.remote.ServerJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An IntelliVision server (Django and its Celery workers) as a deployment. The server can only be asked,
 * so a {@link JobPoller} turns its answers into events; what the console learns is kept in a
 * {@link RemoteJobStore}, so the list is there at once and stays readable while the server is down.
 * Cancelling deletes the job on the server, unless the deployment has a Flower, which revokes the task
 * instead; retrying submits the same inputs again as a new job linked to the old one. With a Flower
 * the deployment also reports its Celery workers and their memory, and can grow or shrink their pools.
 */
public final class IntelliVisionDeployment extends HttpDeployment implements JobControl, AttemptHistory, QueueStatistics {

    private static final Duration TOKEN_CHECK_EVERY = Duration.ofHours(1);

    private final FlowerWatch flower;
    private final Capabilities capabilities;

    /**
     * Connects and starts asking the server for news in the background.
     *
     * @param imageFolder where the images of its jobs are kept on this machine
     * @param accessTokenRenewed keeps an access token the server issued in place of an expired one
     */
    public IntelliVisionDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock) {
        this(settings, secrets, store, imageFolder, accessTokenRenewed, clock, paceOf(settings));
    }

    /** As above, asking at {@code pace}. */
    public IntelliVisionDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock, PollingPace pace) {
        super(settings, secrets, store, imageFolder, accessTokenRenewed, clock, pace, settings.flowerUrl() == null ? 1 : 2);
        this.flower = settings.flowerUrl() == null ? null : new FlowerWatch(settings.name(), settings.flowerUrl(),
                new FlowerClient(settings.flowerUrl(), settings.flowerUser(), secrets.flowerPassword()), events, clock);
        this.capabilities = capabilitiesOf(flower != null);
        TokenWarnings tokens = new TokenWarnings(settings.name(), credentials::accessToken, credentials.refreshToken(), clock, events::publish);
        every(pace.tick(), Duration.ZERO, this::pollOnce);
        every(TOKEN_CHECK_EVERY, Duration.ZERO, tokens::check);
        if (flower != null) {
            every(FlowerWatch.EVERY, Duration.ZERO, flower::poll);
        }
    }

    private static final String SENDS_LINK_ONLY = "An IntelliVision server is sent only a job's video (and its lines or zones);"
            + " it chooses the frame, the sampling and the detector itself. Change the link, or run the job on the local pool.";

    /** What an IntelliVision server does, and why it does not do the rest; a Flower adds its workers. */
    static Capabilities capabilitiesOf(boolean withFlower) {
        Capabilities server = Capabilities.full(EnumSet.allOf(JobType.class))
                .without(Feature.CHOSEN_FRAME_TIME, "The server picks the frame itself")
                .without(Feature.EDITED_SETTINGS, SENDS_LINK_ONLY)
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

    // ---- roles ----

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
        if (known.isEmpty() || !known.get().status().canBeRetried()) {
            return Optional.empty();
        }
        return Optional.of(submit(RetryRequests.of(known.get(), store.request(id(), jobId), settings.baseUrl() + "/api/media/"), jobId));
    }

    /**
     * Submits the ended job again with another video, as a new job linked to it; its settings stay those
     * it was made with, as the server is sent no others.
     */
    @Override
    public Optional<Job> retryWith(long jobId, JobRequest edited) {
        Optional<Job> known = job(jobId);
        if (known.isEmpty() || !known.get().isTerminal()) {
            return Optional.empty();
        }
        JobRequest checked = RetryEdits.checked(known.get(), edited);
        JobRequest before = store.request(id(), jobId).orElseGet(() -> JobRequest.analysis(known.get().type(), checked.url(), known.get().params()));
        if (!sameSettings(before, checked)) {
            throw new IllegalArgumentException(SENDS_LINK_ONLY);
        }
        if (checked.url().equals(known.get().youtubeUrl())) {
            // The same video: sent again as a plain retry sends it, which knows a file gone or uploaded elsewhere.
            return Optional.of(submit(RetryRequests.of(known.get(), store.request(id(), jobId), settings.baseUrl() + "/api/media/"), jobId));
        }
        return Optional.of(submit(new JobRequest(before.type(), checked.url(), before.params()), jobId));
    }

    /** Compared in their normal form, so that a default written out equals one left out. */
    private static boolean sameSettings(JobRequest before, JobRequest edited) {
        return RetryEdits.normalParams(before).equals(RetryEdits.normalParams(edited));
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

    /** Stops asking the server and its Flower; what the console knows stays in the store. */
    @Override
    public void close() {
        super.close();
        if (flower != null) {
            flower.close();
        }
    }
}
