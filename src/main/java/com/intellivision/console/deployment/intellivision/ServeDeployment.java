package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.AttemptHistory;
import com.intellivision.console.deployment.BulkActions;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.EventDelivery;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.deployment.QueueStatistics;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.RetryEdits;
import com.intellivision.console.job.VideoLinks;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServeApi;
import com.intellivision.console.remote.ServerJob;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Another console running {@code serve}, as a deployment: everything the local pool offers, over HTTP.
 * It speaks IntelliVision's API for jobs, and the serve's own extensions for the rest; its events are
 * heard live through a {@link LiveFeed}, and while the stream is down a {@link JobPoller} asks instead,
 * so the console notices a serve that stops and catches up with one that comes back. What it learns is
 * kept in the {@link RemoteJobStore}, as for an IntelliVision server.
 */
public final class ServeDeployment extends HttpDeployment implements JobControl, BulkActions, AttemptHistory, WorkerMonitor, PoolControl,
        QueueStatistics {

    static final Capabilities CAPABILITIES = Capabilities.full(LocalDeployment.JOB_TYPES)
            .without(Feature.CHOSEN_FRAME_TIME, "A serve picks the frame itself")
            .without(Feature.WORKER_POOL_RESIZE, "Each of a serve's workers runs one job at a time; resize the pool instead.")
            .withCancel(CancelEffect.STOPS_JOB)
            .withRetry(RetryEffect.IN_PLACE)
            .withMemory(MemoryReading.RESIDENT)
            .withEvents(EventDelivery.LIVE);

    private final ServeApi api;
    private final LiveFeed feed;

    /** Connects, and starts listening to the serve's events in the background; asks at {@code pace} while they cannot be heard. */
    public ServeDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock, PollingPace pace) {
        super(settings, secrets, store, imageFolder, accessTokenRenewed, clock, pace, 1);
        this.api = client.serve();
        this.feed = new LiveFeed(settings.name(), api, poller, health, events, schedule,
                new LiveFrameCopies(client, imageFolder, schedule, events::publish));
        feed.connect();
        every(pace.tick(), pace.tick(), this::askWhileDeaf);
    }

    /** As above, at the settings' pace. */
    public ServeDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock) {
        this(settings, secrets, store, imageFolder, accessTokenRenewed, clock, paceOf(settings));
    }

    private void askWhileDeaf() {
        if (!feed.isLive()) {
            poller.poll();
            publishFiguresIfChanged();
        } else {
            // The live feed brings the figures; the answers to the console's own calls are counted here.
            publishAnswersIfChanged();
        }
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Job submit(JobRequest request) {
        Job kept = poller.submitted(health.submitting(() -> client.submit(request)).job());
        store.saveRequest(id(), kept.id(), request);
        return kept;
    }

    // ---- roles: all of the local pool's ----

    /** Stops the job on the serve, which keeps it, cancelled. */
    @Override
    public Optional<Job> cancel(long jobId) {
        Optional<ServerJob> cancelled = api.cancel(jobId);
        return cancelled.isPresent() ? Optional.of(poller.heard(cancelled.get())) : job(jobId);
    }

    /** Puts the job back in the serve's queue, as the same job. */
    @Override
    public Optional<Job> retry(long jobId) {
        return api.retry(jobId).map(poller::heard);
    }

    /**
     * A new job on the serve from the checked edit, linked to the old one; the serve checks a new link as
     * it checks a submission's. An unchanged video is left for the serve to keep, since an uploaded one
     * is known here only by its link on the serve.
     */
    @Override
    public Optional<Job> retryWith(long jobId, JobRequest edited) {
        Optional<Job> known = job(jobId);
        if (known.isEmpty() || !known.get().isTerminal()) {
            return Optional.empty();
        }
        JobRequest checked = RetryEdits.checked(known.get(), edited);
        boolean sameVideo = checked.url().equals(known.get().youtubeUrl());
        if (!sameVideo && VideoLinks.read(checked.url()).kind() == VideoLinks.Kind.LOCAL_FILE) {
            throw new IllegalArgumentException("A serve's job can be retried with a link only, not with a file on this computer;"
                    + " submit the file as a new job instead.");
        }
        Optional<Job> retried;
        try {
            retried = api.retryWith(jobId, sameVideo ? null : checked.url(), checked.params()).map(poller::heard);
        } catch (RemoteException refused) {
            if (refused.kind() == RemoteException.Kind.REJECTED) {
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
            throw refused;
        }
        retried.ifPresent(job -> store.saveRequest(id(), job.id(), new JobRequest(job.type(), job.youtubeUrl(), checked.params())));
        return retried;
    }

    @Override
    public int retryAllFailed() {
        return api.retryFailed();
    }

    @Override
    public int cancelAllPending() {
        return api.cancelPending();
    }

    @Override
    public List<JobAttempt> attempts(long jobId) {
        return api.attempts(jobId);
    }

    @Override
    public List<WorkerInfo> workers() {
        return feed.workers();
    }

    @Override
    public List<EngineEvent.MemorySampled> memoryHistory(String workerId) {
        return feed.memoryHistory(workerId);
    }

    @Override
    public void resize(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
        api.changePool(workers, null);
    }

    @Override
    public void pause() {
        api.changePool(null, true);
    }

    @Override
    public void resume() {
        api.changePool(null, false);
    }

    @Override
    public boolean isPaused() {
        return feed.isPaused();
    }

    /** The serve's own figures while its events are heard; what the console last saw of its jobs otherwise. */
    @Override
    public QueueFigures figures() {
        QueueFigures told = feed.figures();
        return told != null ? told : store.figures(id(), clock.instant());
    }

    /** Stops listening and asking; what the console knows stays in the store. */
    @Override
    public void close() {
        feed.close();
        super.close();
    }
}
