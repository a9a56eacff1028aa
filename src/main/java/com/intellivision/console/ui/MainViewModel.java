package com.intellivision.console.ui;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.WorkerInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's view model and the only class that talks to the {@link Deployment}. Every call to the
 * deployment runs through the {@link TaskRunner}, off the UI thread; everything the deployment reports
 * reaches the smaller view models on the UI thread, through the {@link FxEventBridge}.
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

    public MainViewModel(Deployment deployment, TaskRunner tasks, Clock clock) {
        this.deployment = deployment;
        this.tasks = tasks;
        this.events = new FxEventBridge(tasks.uiThread(), this::apply);
        this.jobList = new JobListViewModel(clock);
        this.preview = new FramePreviewViewModel(jobList.selectedRowProperty());
    }

    /** What the window shows when it opens, read in one go after subscribing so no change is missed. */
    private record Snapshot(String deploymentName, List<Job> jobs, List<WorkerInfo> workers) {}

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
        return new Snapshot(deployment.displayName(), deployment.recentJobs(INITIAL_JOBS), deployment.workers());
    }

    private void show(Snapshot snapshot) {
        statusBar.showDeployment(snapshot.deploymentName());
        jobList.applyAll(snapshot.jobs());
        statusBar.showAll(snapshot.workers());
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
            jobList.select(jobList.apply(job));
        }, failure -> submitBar.submissionFailed(messageOf(failure)));
    }

    /** Applies a batch of engine events, in order, on the UI thread. */
    void apply(List<EngineEvent> batch) {
        for (EngineEvent event : batch) {
            if (event instanceof JobChanged changed) {
                jobList.apply(changed.job());
            } else if (event instanceof JobProgress progress) {
                jobList.applyProgress(progress);
            } else if (event instanceof WorkerChanged changed) {
                statusBar.apply(changed.worker());
            } else if (event instanceof MemorySampled sample) {
                statusBar.applyMemory(sample);
            }
        }
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
}
