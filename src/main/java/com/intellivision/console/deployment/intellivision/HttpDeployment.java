package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.deployment.JobSearch;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.AnswersCounted;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.remote.AnswerCounts;
import com.intellivision.console.remote.IntelliVisionClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every deployment reached over IntelliVision's API has: its client and credentials, the store
 * of what the console learnt of its jobs (so the list is there at once and readable while it is down),
 * its images on this machine, the poller that asks about its jobs, how well it answers, and the
 * threads that watch it in the background.
 */
abstract class HttpDeployment implements RemoteDeployment, JobSearch {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDeployment.class);
    /** Longer than a request's own timeouts, so a round in the middle of one can finish. */
    static final Duration ROUND_END = Duration.ofSeconds(12);

    final DeploymentSettings settings;
    final SavedCredentials credentials;
    final IntelliVisionClient client;
    final RemoteJobStore store;
    final OutputImages images;
    final Clock clock;
    final EventFanout events = new EventFanout();
    final ConnectionHealth health;
    final JobPoller poller;
    final ScheduledExecutorService schedule;
    private volatile QueueFigures lastFigures;
    private final Object answersSaid = new Object();
    private AnswerCounts lastAnswers = new AnswerCounts(0, 0);

    /**
     * @param imageFolder where the images of its jobs are kept on this machine
     * @param accessTokenRenewed keeps an access token the server issued in place of an expired one
     * @param threads how many background tasks may run at once
     */
    HttpDeployment(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock, PollingPace pace, int threads) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.credentials = new SavedCredentials(secrets, accessTokenRenewed);
        this.client = new IntelliVisionClient(settings.baseUrl(), credentials);
        this.images = new OutputImages(client, imageFolder);
        this.health = new ConnectionHealth(clock, pace.maxBackoff(), events::publish);
        this.poller = new JobPoller(settings.id(), client, store, images, health, events, clock, pace);
        this.schedule = Executors.newScheduledThreadPool(threads, task -> {
            Thread thread = new Thread(task, "deployment-" + settings.id());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The pace the settings ask for. */
    static PollingPace paceOf(DeploymentSettings settings) {
        return PollingPace.every(Duration.ofSeconds(settings.pollSeconds()));
    }

    /** Runs {@code task} every {@code every}, the first time after {@code first}, surviving its failures. */
    final void every(Duration every, Duration first, Runnable task) {
        schedule.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException unexpected) {
                // A scheduled task that throws is never run again; the deployment must keep watching.
                LOG.warn("watching {} failed once", settings.name(), unexpected);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The queue's figures, as this deployment knows them. */
    abstract QueueFigures figures();

    /** After each round: the queue's figures, and how the server answered, each when it changed. */
    final void publishFiguresIfChanged() {
        QueueFigures figures = figures();
        if (!figures.equals(lastFigures)) {
            lastFigures = figures;
            events.publish(new QueueChanged(figures));
        }
        publishAnswersIfChanged();
    }

    /** How the server answered, when that changed since it was last said; in order, as rounds and submits may overlap. */
    final void publishAnswersIfChanged() {
        synchronized (answersSaid) {
            AnswerCounts answers = client.answerCounts();
            if (!answers.equals(lastAnswers)) {
                lastAnswers = answers;
                events.publish(new AnswersCounted(answers.answers(), answers.serverErrors()));
            }
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
    public Optional<Job> job(long jobId) {
        return store.find(id(), jobId);
    }

    @Override
    public List<Job> recentJobs(int limit) {
        return store.recent(id(), limit);
    }

    /** Among what the console has seen of its jobs, so it answers while the server is down. */
    @Override
    public List<Job> search(JobQuery query) {
        return store.search(id(), query);
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public ConnectionChanged connection() {
        return health.current();
    }

    /**
     * Stops watching, and waits for a round on its way to end, so that the store can be closed right
     * after; what the console knows stays in the store.
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
    }

    @Override
    public void deleteImages() {
        images.deleteAll();
    }
}
