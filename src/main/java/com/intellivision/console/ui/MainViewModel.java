package com.intellivision.console.ui;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;

/**
 * The window's view model and the only class that talks to the {@link Deployment}. Every call to the
 * deployment runs through the {@link TaskRunner}, off the UI thread; everything the deployment reports
 * reaches the smaller view models on the UI thread, through the {@link FxEventBridge}. The smaller view
 * models that act on jobs or the pool are handed just the deployment calls they need.
 */
public final class MainViewModel implements AutoCloseable {

    static final int INITIAL_JOBS = 500;

    private final Deployment deployment;
    private final TaskRunner tasks;
    private final FxEventBridge events;
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private volatile boolean closed;

    private final SubmitBarViewModel submitBar = new SubmitBarViewModel();
    private final JobListViewModel jobList;
    private final FramePreviewViewModel preview;
    private final StatusBarViewModel statusBar = new StatusBarViewModel();
    private final QueueHealthViewModel queueHealth = new QueueHealthViewModel();
    private final AlertsViewModel alerts;
    private final JobActionsViewModel jobActions;
    private final AttemptsViewModel attempts;
    private final BulkActionsViewModel bulkActions;
    private final PoolControlViewModel poolControl;
    private final WorkersViewModel workers;
    private final ScrubBarViewModel scrubBar;
    /** Whether an event reported the queue already, making the figures read at start stale. */
    private boolean queueReported;

    public MainViewModel(Deployment deployment, TaskRunner tasks, Clock clock) {
        this.deployment = deployment;
        this.tasks = tasks;
        this.events = new FxEventBridge(tasks.uiThread(), this::apply);
        this.jobList = new JobListViewModel(clock);
        this.preview = new FramePreviewViewModel(jobList.selectedRowProperty());
        this.alerts = new AlertsViewModel(clock);
        this.jobActions = new JobActionsViewModel(jobList.selectedRowProperty(), tasks,
                id -> deployment.jobControl().orElseThrow().cancel(id), id -> deployment.jobControl().orElseThrow().retry(id), alerts);
        this.attempts = new AttemptsViewModel(jobList.selectedRowProperty(), tasks,
                id -> deployment.attemptHistory().map(history -> history.attempts(id)).orElse(List.of()), clock.getZone());
        this.bulkActions = new BulkActionsViewModel(tasks, () -> deployment.bulkActions().orElseThrow().retryAllFailed(),
                () -> deployment.bulkActions().orElseThrow().cancelAllPending(), alerts);
        this.poolControl = new PoolControlViewModel(tasks, alerts);
        this.workers = new WorkersViewModel(clock, tasks,
                id -> deployment.workerMonitor().map(monitor -> monitor.memoryHistory(id)).orElse(List.of()));
        this.scrubBar = new ScrubBarViewModel(jobList.selectedRowProperty(), tasks, deployment::submit, this::showSubmitted,
                alerts, url -> new Image(url, true));
    }

    /** What the window shows when it opens, read in one go after subscribing so no change is missed. */
    private record Snapshot(String deploymentName, List<Job> jobs, List<WorkerInfo> workers, QueueFigures figures,
            Optional<PoolControl> poolControl, boolean paused) {}

    /** Subscribes to the deployment's events and loads its current jobs and workers, in the background. */
    public void start() {
        tasks.run(this::subscribeAndRead, this::show, failure -> statusBar.showProblem(
                "Could not reach the deployment: " + messageOf(failure)));
    }

    private Snapshot subscribeAndRead() {
        Subscription opened = deployment.subscribe(events);
        subscription.set(opened);
        if (closed) {
            // The window closed while this was on its way; close() may have missed it.
            closeSubscription();
        }
        String name = deployment.displayName();
        List<Job> jobs = deployment.recentJobs(INITIAL_JOBS);
        List<WorkerInfo> listed = deployment.workerMonitor().map(monitor -> monitor.workers()).orElse(List.of());
        QueueFigures figures = deployment.queueStatistics().map(statistics -> statistics.figures()).orElse(QueueFigures.EMPTY);
        Optional<PoolControl> control = deployment.poolControl();
        return new Snapshot(name, jobs, listed, figures, control, control.map(PoolControl::isPaused).orElse(false));
    }

    private void show(Snapshot snapshot) {
        statusBar.showDeployment(snapshot.deploymentName());
        jobList.applyAll(snapshot.jobs());
        statusBar.showAll(snapshot.workers());
        workers.showAll(snapshot.workers());
        if (!queueReported) {
            showFigures(snapshot.figures());
            alerts.startFrom(snapshot.figures());
        }
        snapshot.poolControl().ifPresent(control -> poolControl.attach(control, poolSizeOf(snapshot.workers()), snapshot.paused()));
    }

    /** The workers that stay in the pool; those stopping are leaving it. */
    private static int poolSizeOf(List<WorkerInfo> listed) {
        return (int) listed.stream().filter(worker -> worker.state() != WorkerState.STOPPING).count();
    }

    /** Submits what the form describes; on success the new job is selected, on failure the form says why. */
    public void submit() {
        if (!submitBar.canSubmitProperty().get()) {
            return;
        }
        JobRequest request = submitBar.request();
        submitBar.submissionStarted();
        tasks.run(() -> deployment.submit(request), job -> {
            submitBar.submissionSucceeded(request);
            showSubmitted(job);
        }, failure -> submitBar.submissionFailed(messageOf(failure)));
    }

    /** A job just submitted is what people want to watch next. */
    private void showSubmitted(Job job) {
        jobList.select(jobList.apply(job));
    }

    /** Selects a job, as when someone clicks the alert about it. */
    public void showJob(long jobId) {
        jobList.row(jobId).ifPresent(jobList::select);
    }

    /** Applies a batch of engine events, in order, on the UI thread, then shows the alerts they raised. */
    void apply(List<EngineEvent> batch) {
        for (EngineEvent event : batch) {
            if (event instanceof JobChanged changed) {
                showJobChange(changed.job());
            } else if (event instanceof JobProgress progress) {
                jobList.applyProgress(progress);
            } else if (event instanceof WorkerChanged changed) {
                statusBar.apply(changed.worker());
                workers.apply(changed.worker());
            } else if (event instanceof MemorySampled sample) {
                statusBar.applyMemory(sample);
                workers.applyMemory(sample);
            } else if (event instanceof QueueChanged changed) {
                queueReported = true;
                showFigures(changed.figures());
                alerts.queueChanged(changed.figures());
            } else if (event instanceof PoolChanged changed) {
                poolControl.apply(changed);
            }
        }
        alerts.refresh();
    }

    private void showJobChange(Job job) {
        JobStatus before = jobList.row(job.id()).map(row -> row.job().status()).orElse(null);
        jobList.apply(job);
        alerts.jobChanged(before, job);
    }

    private void showFigures(QueueFigures figures) {
        queueHealth.apply(figures);
        bulkActions.apply(figures);
    }

    /**
     * Stops listening and closes the deployment, which ends its worker processes. Blocks until the
     * deployment has closed, so call it off the UI thread.
     */
    @Override
    public void close() {
        closed = true;
        events.close();
        closeSubscription();
        deployment.close();
    }

    private void closeSubscription() {
        Subscription open = subscription.getAndSet(null);
        if (open != null) {
            open.close();
        }
    }

    /** Deployment errors are written for people; fall back to the kind of failure when there is none. */
    static String messageOf(RuntimeException failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected " + failure.getClass().getSimpleName();
        }
        return message;
    }

    public SubmitBarViewModel submitBar() {
        return submitBar;
    }

    public JobListViewModel jobList() {
        return jobList;
    }

    public FramePreviewViewModel preview() {
        return preview;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public QueueHealthViewModel queueHealth() {
        return queueHealth;
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    public JobActionsViewModel jobActions() {
        return jobActions;
    }

    public AttemptsViewModel attempts() {
        return attempts;
    }

    public BulkActionsViewModel bulkActions() {
        return bulkActions;
    }

    public PoolControlViewModel poolControl() {
        return poolControl;
    }

    public WorkersViewModel workers() {
        return workers;
    }

    public ScrubBarViewModel scrubBar() {
        return scrubBar;
    }
}
