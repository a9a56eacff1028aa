package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.alerts.AlertsViewModel;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.ConsoleState;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobActionsViewModel;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.SourcedEvent;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.deployments.DeploymentListViewModel;
import com.intellivision.console.ui.firstrun.FirstRunViewModel;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.preview.AttemptsViewModel;
import com.intellivision.console.ui.preview.FramePreviewViewModel;
import com.intellivision.console.ui.preview.ScrubBarViewModel;
import com.intellivision.console.ui.queue.BulkActionsViewModel;
import com.intellivision.console.ui.queue.PoolControlViewModel;
import com.intellivision.console.ui.queue.QueueHealthViewModel;
import com.intellivision.console.ui.queue.QueueHistoryViewModel;
import com.intellivision.console.ui.submit.JobKind;
import com.intellivision.console.ui.submit.RegionEditorViewModel;
import com.intellivision.console.ui.submit.SubmitBarViewModel;
import com.intellivision.console.ui.workers.WorkersViewModel;
import java.time.Clock;
import java.util.List;

/**
 * The window's view model, and with {@link DeploymentListViewModel} the only class that talks to the
 * deployments. Every call to one runs through the {@link TaskRunner}, off the UI thread; everything
 * they report reaches the smaller view models on the UI thread, tagged with its deployment, through
 * the {@link FxEventBridge}. All deployments are followed all the time; the smaller view models show
 * the one chosen in the deployment list, so switching is instant.
 */
public final class MainViewModel implements AutoCloseable {

    static final int INITIAL_JOBS = 500;

    private final DeploymentCatalog catalog;
    private final TaskRunner tasks;
    private final Clock clock;
    private final FxEventBridge bridge;
    private final ConsoleEvents events = new ConsoleEvents();
    private final ConsoleState state = new ConsoleState();
    private volatile boolean closed;

    private final DeploymentListViewModel deployments;
    private final SubmitBarViewModel submitBar;
    private final JobListViewModel jobList;
    private final JobTools jobTools;
    private final FramePreviewViewModel preview;
    private final FirstRunViewModel firstRun;

    private final StatusBarViewModel statusBar = new StatusBarViewModel();
    private final QueueHealthViewModel queueHealth = new QueueHealthViewModel();
    private final QueueHistoryViewModel queueHistory;
    private final AlertsViewModel alerts;
    private final JobActionsViewModel jobActions;
    private final AttemptsViewModel attempts;
    private final BulkActionsViewModel bulkActions;
    private final PoolControlViewModel poolControl;
    private final WorkersViewModel workers;
    private final ScrubBarViewModel scrubBar;
    private final DeploymentEdits deploymentEdits;

    public MainViewModel(DeploymentCatalog catalog, TaskRunner tasks, Clock clock) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.clock = clock;
        this.bridge = new FxEventBridge(tasks.uiThread(), this::handle, events::finishBatch);
        this.deployments = new DeploymentListViewModel(clock.getZone());
        this.submitBar = new SubmitBarViewModel(tasks);
        this.firstRun = new FirstRunViewModel(tasks);
        firstRun.fillSourceWith(submitBar.urlProperty()::set);
        this.queueHistory = new QueueHistoryViewModel(clock);
        this.jobList = new JobListViewModel(clock, state.selectedJobProperty());
        this.preview = new FramePreviewViewModel(state.selectedJobProperty());
        preview.peopleCount().frame().takeSampleFramesWith(tasks, new LocalPoolFrames(deployments)::sampleAt);

        this.alerts = new AlertsViewModel(clock, deployments::placeOf,
                id -> deployments.entry(id).map(entry -> entry.nameProperty().get()).orElse(id));
        this.jobTools = new JobTools(jobList, preview, state, tasks, alerts, clock.getZone(), deployments, this::showLinkedJob);
        this.jobActions = new JobActionsViewModel(state.selectedJobProperty(), tasks, deployments::entry, this::showSubmitted, alerts);
        this.attempts = new AttemptsViewModel(state.selectedJobProperty(), tasks, deployments::entry, clock.getZone());
        this.bulkActions = new BulkActionsViewModel(tasks, alerts);
        this.poolControl = new PoolControlViewModel(tasks, alerts);
        this.workers = new WorkersViewModel(clock, tasks, (deploymentId, workerId) -> deployments.entry(deploymentId)
                .flatMap(entry -> entry.deployment().workerMonitor()).map(monitor -> monitor.memoryHistory(workerId)).orElse(List.of()), alerts);
        this.scrubBar = new ScrubBarViewModel(state.selectedJobProperty(), tasks,
                (deploymentId, request) -> deployments.entry(deploymentId).orElseThrow().deployment().submit(request), this::showSubmitted,
                alerts);
        state.shownDeploymentProperty().bind(deployments.selectedProperty());
        state.shownDeploymentProperty().addListener((property, before, entry) -> {
            if (entry != null) {
                showDeployment(entry);
            }
        });
        this.deploymentEdits = new DeploymentEdits(catalog, tasks, deployments, alerts, this::follow, this::showDeployment, this::forget);
        jobList.showTimesAs(state.timeDisplayProperty());
        listen();
    }

    /** Each view model takes the kinds of event it shows; the window itself keeps each deployment's health and figures. */
    private void listen() {
        jobList.listenTo(events);
        firstRun.listenTo(events);
        workers.listenTo(events);
        statusBar.listenTo(events);
        poolControl.listenTo(events);
        queueHealth.listenTo(events);
        queueHistory.listenTo(events);
        bulkActions.listenTo(events);
        events.on(QueueChanged.class, (deploymentId, changed) -> deployments.entry(deploymentId).ifPresent(entry -> {
            entry.markFiguresReported();
            entry.showFigures(changed.figures());
            alerts.queueChanged(deploymentId, changed.figures(), entry.backlogThreshold());
        }));
        events.on(ConnectionChanged.class, (deploymentId, changed) -> deployments.entry(deploymentId).ifPresent(entry -> {
            entry.markConnectionReported();
            entry.showConnection(changed);
            alerts.connectionChanged(deploymentId, entry.nameProperty().get(), changed);
        }));
        // Last, so that what a batch raises is shown once the views have taken the batch in.
        alerts.listenTo(events);
    }

    /** Lists the deployments, shows the first (the local pool), and starts following each in the background. */
    public void start() {
        start(null);
    }

    /** As {@link #start()}, showing {@code preferredDeployment} first if it is still there, as after a restart. */
    public void start(String preferredDeployment) {
        for (Deployment deployment : catalog.deployments()) {
            follow(deployments.add(deployment));
        }
        deployments.entry(preferredDeployment == null ? "" : preferredDeployment).ifPresentOrElse(deployments::select,
                deployments::selectFirst);
        catalog.openingProblem().ifPresent(problem -> alerts.problem("Some deployments could not be opened", problem));
    }

    /** Adding, changing and removing deployments, where the catalog allows it. */
    public DeploymentEdits deploymentEdits() {
        return deploymentEdits;
    }

    /** What the window keeps of a deployment that was removed. */
    private void forget(String deploymentId) {
        jobList.forget(deploymentId);
        workers.forget(deploymentId);
        alerts.forget(deploymentId);
        queueHistory.forget(deploymentId);
        statusBar.forget(deploymentId);
    }

    /** Subscribes to a deployment's events and loads its current jobs and workers, in the background. */
    void follow(DeploymentEntry entry) {
        entry.setBacklogThreshold(catalog.backlogThreshold(entry.id()));
        tasks.run(() -> subscribeAndRead(entry), snapshot -> show(entry, snapshot), failure -> entry.showConnection(
                new ConnectionChanged(ConnectionState.DOWN, "Could not read the deployment: " + Failures.messageOf(failure), clock.instant())));
    }

    private DeploymentSnapshot subscribeAndRead(DeploymentEntry entry) {
        Deployment deployment = entry.deployment();
        entry.subscribed(deployment.subscribe(bridge.listenerFor(entry.id())));
        if (closed) {
            // The window closed while this was on its way; close() may have missed it.
            entry.unsubscribe();
        }
        return DeploymentSnapshot.read(deployment, INITIAL_JOBS);
    }

    private void show(DeploymentEntry entry, DeploymentSnapshot snapshot) {
        String id = entry.id();
        jobList.applyAll(id, snapshot.jobs());
        firstRun.listed(id, !snapshot.jobs().isEmpty());
        alerts.knowJobs(id, snapshot.jobs());
        alerts.rules().memoryLimit(id, snapshot.memoryLimit());
        statusBar.showAll(id, snapshot.workers());
        workers.showAll(id, snapshot.workers());
        if (!entry.figuresReported()) {
            showFigures(entry, snapshot.figures());
            alerts.startFrom(id, snapshot.figures(), entry.backlogThreshold());
        }
        if (!entry.connectionReported()) {
            entry.showConnection(snapshot.connection());
            alerts.connectionChanged(id, entry.nameProperty().get(), snapshot.connection());
        }
        poolControl.attach(id, poolSizeOf(snapshot.workers()), snapshot.paused());
    }

    /** Points every part of the window at another deployment. */
    private void showDeployment(DeploymentEntry entry) {
        Deployment deployment = entry.deployment();
        jobList.show(entry.id());
        jobTools.filter().show(entry.id(), entry.capabilities());
        workers.show(entry.id(), entry.capabilities(), deployment.workerPoolControl(), deployment.workerMonitor());
        statusBar.show(entry);
        queueHealth.show(entry.id());
        queueHistory.show(entry.id());
        bulkActions.show(entry.id(), deployment.bulkActions(), entry.capabilities());
        poolControl.show(entry.id(), deployment.poolControl(), entry.capabilities());
        submitBar.offer(entry.capabilities());
        submitBar.linkCard().lookUpWith(deployment.linkPreview());
        firstRun.show(entry.id(), deployment.firstRunHelp());
    }

    /** The workers that stay in the pool; those stopping are leaving it. */
    private static int poolSizeOf(List<WorkerInfo> listed) {
        return (int) listed.stream().filter(worker -> worker.state() != WorkerState.STOPPING).count();
    }

    /** Submits what the form describes to the deployment shown; on success the new job is selected, on failure the form says why. */
    public void submit() {
        DeploymentEntry entry = deployments.selectedProperty().get();
        if (entry == null || !submitBar.canSubmitProperty().get()) {
            return;
        }
        JobRequest request = submitBar.request();
        submitBar.submissionStarted(entry.isLocal() ? "" : "Sending to " + entry.nameProperty().get()
                + "… a server checks the video before it takes the job, which can take a few seconds.");
        tasks.run(submitBar.linkCard().afterLookUp(request.url(), () -> entry.deployment().submit(request)), job -> {
            submitBar.submissionSucceeded(request);
            showSubmitted(entry.id(), job);
        }, failure -> submitBar.submissionFailed(Failures.messageOf(failure)));
    }

    /** The editor for the lines or zones of the video in the form, drawn on a frame the local pool takes. */
    public RegionEditorViewModel regionEditor(JobKind.Regions regions) {
        return new RegionEditorViewModel(regions, submitBar.urlProperty().get().strip(), tasks, new LocalPoolFrames(deployments)::grab,
                submitBar.linesProperty().get(), submitBar.zonesProperty().get());
    }

    /** A job just submitted is what people want to watch next. */
    private void showSubmitted(String deploymentId, Job job) {
        firstRun.jobSeen(deploymentId);
        JobRow row = jobList.apply(deploymentId, job);
        deployments.entry(deploymentId).ifPresent(deployments::select);
        jobList.select(row);
    }

    /** Shows a job, as when someone clicks the alert about it: its deployment first. */
    public void showJob(JobKey key) {
        deployments.entry(key.deploymentId()).ifPresent(deployments::select);
        jobList.row(key).ifPresent(jobList::select);
    }

    /** Shows a job a retry links to; one the table does not hold (older than its rows) is asked for first. */
    private void showLinkedJob(JobKey key) {
        if (jobList.row(key).isPresent()) {
            showJob(key);
            return;
        }
        deployments.entry(key.deploymentId()).ifPresent(entry -> tasks.run(() -> entry.deployment().job(key.jobId()),
                found -> found.ifPresent(job -> showSubmitted(key.deploymentId(), job)),
                failure -> alerts.problem("Could not show job #" + key.jobId(), failure)));
    }

    /** Shows a deployment, as when someone clicks an alert about it. */
    public void showDeployment(String deploymentId) {
        deployments.entry(deploymentId).ifPresent(deployments::select);
    }

    /** Hands a batch of events, on the UI thread, to the views; events of deployments no longer listed are dropped. */
    private void handle(List<SourcedEvent> batch) {
        events.handle(batch.stream().filter(sourced -> deployments.entry(sourced.deploymentId()).isPresent()).toList());
    }

    private void showFigures(DeploymentEntry entry, QueueFigures figures) {
        entry.showFigures(figures);
        queueHealth.apply(entry.id(), figures);
        queueHistory.apply(entry.id(), figures);
        bulkActions.apply(entry.id(), figures);
    }

    /**
     * Stops listening and closes the deployments, which ends the local pool's worker processes. Blocks
     * until they have closed, so call it off the UI thread.
     */
    @Override
    public void close() {
        closed = true;
        bridge.close();
        deployments.entries().forEach(DeploymentEntry::unsubscribe);
        catalog.close();
    }

    public DeploymentListViewModel deployments() {
        return deployments;
    }

    public SubmitBarViewModel submitBar() {
        return submitBar;
    }

    /** What the views share: the deployment shown, the job selected, how times show. */
    public ConsoleState state() {
        return state;
    }

    public JobListViewModel jobList() {
        return jobList;
    }

    /** The jobs table's search, filters and export, and the selected job's details and frame file. */
    public JobTools jobTools() {
        return jobTools;
    }

    public FramePreviewViewModel preview() {
        return preview;
    }

    /** The guide shown in place of the jobs table while the local pool has no jobs. */
    public FirstRunViewModel firstRun() {
        return firstRun;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public QueueHealthViewModel queueHealth() {
        return queueHealth;
    }

    public QueueHistoryViewModel queueHistory() {
        return queueHistory;
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
