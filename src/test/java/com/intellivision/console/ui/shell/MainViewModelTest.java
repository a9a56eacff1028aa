package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.alerts.AlertsViewModel.Alert;
import com.intellivision.console.ui.alerts.PastAlert;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.common.TypedFiles;
import com.intellivision.console.ui.preview.FramePreviewViewModel.Mode;
import com.intellivision.console.ui.submit.JobKind;
import com.intellivision.console.ui.submit.SubmitBarViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model on a fake deployment, with background and UI work run on the test's thread. */
public class MainViewModelTest {

    @TempDir
    Path videos;

    private String street() {
        return TypedFiles.existing(videos, "street.avi");
    }

    private final FakeDeployment deployment = playingTheLocalPool(new FakeDeployment());
    private final MutableClock clock = new MutableClock(T0.plusSeconds(30));
    private final MainViewModel viewModel = new MainViewModel(new FixedCatalog(List.of(deployment)), new TaskRunner(Runnable::run, Runnable::run), clock);

    @Test
    void startSubscribesBeforeReadingSoNoChangeFallsBetween() {
        deployment.recentJobs = List.of(Jobs.pending(2, T0.plusSeconds(2)), Jobs.completedFrame(1, T0, T0.plusSeconds(1)));
        deployment.workers = List.of(WorkerInfo.single("w1", 100, WorkerState.IDLE, WorkerInfo.NO_JOB, 0, 0));

        viewModel.start();

        assertThat(deployment.calls).containsSubsequence("subscribe", "recentJobs 500", "workers", "figures", "poolControl");
        assertThat(viewModel.jobList().rows()).extracting(JobRow::id).containsExactly(2L, 1L);
        assertThat(viewModel.statusBar().deploymentNameProperty().get()).isEqualTo("Fake pool");
        assertThat(viewModel.statusBar().workersSummaryProperty().get()).isEqualTo("1 worker: 1 idle");
    }

    @Test
    void startShowsTheQueuesFiguresAndThePoolAsTheyAre() {
        deployment.figures = new QueueFigures(12, 2, 30, 1, 0.034, 0);
        deployment.withPool(true);
        deployment.workers = List.of(worker(1, WorkerState.BUSY), worker(2, WorkerState.IDLE), worker(3, WorkerState.STOPPING));

        viewModel.start();

        assertThat(viewModel.queueHealth().summary()).isEqualTo("12 pending · 2 running · 30 done/min · 1 failed/min · 3 % failed (15 min)");
        assertThat(viewModel.bulkActions().pendingProperty().get()).isEqualTo(12);
        assertThat(viewModel.poolControl().availableProperty().get()).isTrue();
        assertThat(viewModel.poolControl().pausedProperty().get()).isTrue();
        assertThat(viewModel.poolControl().sizeProperty().get()).as("the stopping worker is leaving").isEqualTo(2);
        assertThat(viewModel.workers().rows()).hasSize(3);
    }

    @Test
    void aDeploymentWithoutPoolControlHidesIt() {
        viewModel.start();

        assertThat(viewModel.poolControl().availableProperty().get()).isFalse();
    }

    @Test
    void queueAndPoolEventsReachTheirViewModels() {
        deployment.withPool(false);
        deployment.workers = List.of(worker(1, WorkerState.IDLE));
        viewModel.start();

        deployment.emit(new QueueChanged(new QueueFigures(3, 1, 0, 2, 0.5, 0)));
        deployment.emit(new PoolChanged(4, true));

        assertThat(viewModel.queueHealth().alarmingProperty().get()).isTrue();
        assertThat(viewModel.bulkActions().pendingProperty().get()).isEqualTo(3);
        assertThat(viewModel.poolControl().sizeProperty().get()).isEqualTo(4);
        assertThat(viewModel.poolControl().pausedProperty().get()).isTrue();
        assertThat(deployment.calls).as("a reported size is not sent back").doesNotContain("resize 4");
        assertThat(viewModel.alerts().shown()).as("two failures are no rate to alarm about").isEmpty();

        deployment.emit(new QueueChanged(new QueueFigures(60, 1, 0, 2, 0.5, 0)));
        clock.advance(Duration.ofSeconds(30));
        deployment.emit(new QueueChanged(new QueueFigures(61, 1, 0, 2, 0.5, 0)));

        assertThat(viewModel.alerts().rules().history()).extracting(PastAlert::deployment, PastAlert::rule, PastAlert::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fake pool", "Queue longer than 50", "61 jobs"));
    }

    @Test
    void aJobThatFailsRaisesAnAlertThatOpensIt() {
        viewModel.start();
        deployment.emit(new JobChanged(Jobs.processing(3, T0, T0)));
        deployment.emit(new JobChanged(Jobs.pending(4, T0)));
        viewModel.jobList().select(viewModel.jobList().row(new JobKey("local", 4)).orElseThrow());

        deployment.emit(new JobChanged(Jobs.failed(3, T0, T0.plusSeconds(1), "The file /v/x.mp4 does not exist. Check the path.")));
        Alert alert = viewModel.alerts().shown().get(0);
        viewModel.showJob(alert.job());

        assertThat(alert.title()).isEqualTo("Job #3 failed");
        assertThat(alert.body()).isEqualTo("The file /v/x.mp4 does not exist.");
        assertThat(viewModel.jobList().selectedRowProperty().get().id()).isEqualTo(3);
    }

    @Test
    void jobsInTheInitialListingRaiseNoAlerts() {
        deployment.recentJobs = List.of(Jobs.failed(3, T0, T0.plusSeconds(1), "gone"));

        viewModel.start();

        assertThat(viewModel.alerts().shown()).isEmpty();
    }

    @Test
    void cancelAndRetryReachTheDeployment() {
        deployment.recentJobs = List.of(Jobs.processing(3, T0, T0), Jobs.failed(4, T0, T0, "gone"));
        viewModel.start();

        viewModel.jobActions().cancel(viewModel.jobList().row(new JobKey("local", 3)).orElseThrow());
        viewModel.jobActions().retry(viewModel.jobList().row(new JobKey("local", 4)).orElseThrow());

        assertThat(deployment.calls).contains("cancel 3", "retry 4");
    }

    @Test
    void aDeploymentThatCannotBeReadIsMarkedDownWithTheReason() {
        deployment.recentJobsFailure = new IllegalStateException("the job store is locked by another console");

        viewModel.start();

        DeploymentEntry entry = viewModel.deployments().entries().get(0);
        assertThat(entry.healthProperty().get()).isEqualTo(ConnectionState.DOWN);
        assertThat(entry.healthReasonProperty().get()).isEqualTo("Could not read the deployment: the job store is locked by another console");
        assertThat(viewModel.deployments().bannerProperty().get()).startsWith("Fake pool is unreachable: Could not read the deployment");
    }

    @Test
    void submittingSendsTheFormsRequestThenSelectsTheNewJobAndClearsTheUrl() {
        viewModel.start();
        deployment.onSubmit = request -> Jobs.pending(7, T0.plusSeconds(30));
        viewModel.submitBar().urlProperty().set("https://youtu.be/abcxxxxxxxx");
        viewModel.submitBar().timestampProperty().set("0:02");

        viewModel.submit();

        assertThat(deployment.submitted).hasSize(1);
        assertThat(deployment.submitted.get(0).url()).isEqualTo("https://youtu.be/abcxxxxxxxx");
        assertThat(deployment.submitted.get(0).frameParams().atSeconds()).isEqualTo(2.0);
        assertThat(viewModel.submitBar().urlProperty().get()).isEmpty();
        assertThat(viewModel.jobList().selectedRowProperty().get().id()).isEqualTo(7);
        assertThat(viewModel.preview().modeProperty().get()).isEqualTo(Mode.WORKING);
    }

    @Test
    void eachKindSubmitsItsOwnRequest() {
        deployment.onSubmit = request -> Jobs.pending(20 + deployment.submitted.size(), T0.plusSeconds(deployment.submitted.size()));
        viewModel.start();
        SubmitBarViewModel form = viewModel.submitBar();

        form.kindProperty().set(JobKind.FILMSTRIP);
        form.filmstripCountProperty().set(4);
        form.urlProperty().set(street());
        viewModel.submit();
        form.kindProperty().set(JobKind.COUNT);
        form.countFpsProperty().set("1");
        form.urlProperty().set(street());
        viewModel.submit();

        assertThat(deployment.submitted).extracting(JobRequest::type)
                .containsExactly(JobType.YOUTUBE_FRAME_EXTRACTION, JobType.PEOPLE_COUNT);
        assertThat(deployment.submitted.get(0).frameParams().count()).isEqualTo(4);
        assertThat(deployment.submitted.get(1).countParams().fps()).isEqualTo(1.0);
        assertThat(viewModel.jobList().selectedRowProperty().get().id()).as("the count, submitted last").isEqualTo(22);
    }

    @Test
    void aRejectedSubmissionShowsWhyAndKeepsTheUrl() {
        deployment.onSubmit = request -> {
            throw new IllegalArgumentException("The server refused the video: it is private");
        };
        viewModel.start();
        viewModel.submitBar().urlProperty().set("https://example.org/x.mp4");

        viewModel.submit();

        assertThat(viewModel.submitBar().problemProperty().get())
                .isEqualTo("The server refused the video: it is private");
        assertThat(viewModel.submitBar().urlProperty().get()).isEqualTo("https://example.org/x.mp4");
        assertThat(viewModel.jobList().rows()).isEmpty();
    }

    @Test
    void anInvalidFormIsNotSubmitted() {
        viewModel.submitBar().urlProperty().set("https://youtu.be/abcxxxxxxxx");
        viewModel.submitBar().timestampProperty().set("soon");

        viewModel.submit();

        assertThat(deployment.submitted).isEmpty();
    }

    @Test
    void theJobChangedEventOfANewJobMayArriveBeforeTheSubmissionReturns() {
        viewModel.start();
        deployment.onSubmit = request -> {
            deployment.emit(new JobChanged(Jobs.processing(7, T0.plusSeconds(30), T0.plusSeconds(31))));
            return Jobs.pending(7, T0.plusSeconds(30));
        };
        viewModel.submitBar().urlProperty().set("https://youtu.be/abcxxxxxxxx");

        viewModel.submit();

        assertThat(viewModel.jobList().rows()).hasSize(1);
        assertThat(viewModel.jobList().selectedRowProperty().get().job().status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void eventsKeepTheTableThePreviewAndTheStatusBarCurrent() {
        viewModel.start();

        deployment.emit(new JobChanged(Jobs.pending(3, T0)));
        viewModel.jobList().select(viewModel.jobList().row(new JobKey("local", 3)).orElseThrow());
        deployment.emit(new WorkerChanged(WorkerInfo.single("w1", 100, WorkerState.BUSY, 3, 0, 0)));
        deployment.emit(new JobChanged(Jobs.processing(3, T0, T0.plusSeconds(1))));
        deployment.emit(new JobProgress(3, 40, "decoding"));
        deployment.emit(new MemorySampled("w1", 100, 142L * 1024 * 1024, T0.plusSeconds(1)));

        assertThat(viewModel.preview().stageProperty().get()).isEqualTo("Decoding · 40 %");
        assertThat(viewModel.preview().progressProperty().get()).isEqualTo(0.4);
        assertThat(viewModel.statusBar().workersSummaryProperty().get()).isEqualTo("1 worker: 1 busy");
        assertThat(viewModel.statusBar().memorySummaryProperty().get()).isEqualTo("w1 142 MiB");

        deployment.emit(new JobChanged(Jobs.completedFrame(3, T0, T0.plusSeconds(2))));

        assertThat(viewModel.preview().modeProperty().get()).isEqualTo(Mode.FRAME);
        assertThat(viewModel.preview().frameUrlProperty().get()).isEqualTo("file:/tmp/frames/3.png");
    }

    @Test
    void eventsAreHandedToTheUiThreadNotAppliedOnTheDeploymentsThread() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        MainViewModel queued = new MainViewModel(new FixedCatalog(List.of(deployment)), new TaskRunner(Runnable::run, uiThread::add), clock);
        queued.start();
        // The first listing, and what the Workers tab reads of the pool's limits and machine.
        while (!uiThread.isEmpty()) {
            uiThread.poll().run();
        }

        deployment.emit(new JobChanged(Jobs.pending(3, T0)));
        assertThat(queued.jobList().rows()).isEmpty();

        uiThread.poll().run();
        assertThat(uiThread).isEmpty();
        assertThat(queued.jobList().rows()).extracting(JobRow::id).containsExactly(3L);
    }

    private static WorkerInfo worker(int id, WorkerState state) {
        return WorkerInfo.single("w" + id, 100 + id, state, WorkerInfo.NO_JOB, 0, 0);
    }

    @Test
    void closingUnsubscribesThenClosesTheDeployment() {
        viewModel.start();

        viewModel.close();
        deployment.emit(new JobChanged(Jobs.pending(3, T0)));

        assertThat(deployment.calls).endsWith("unsubscribe", "close");
        assertThat(deployment.closed).isTrue();
        assertThat(viewModel.jobList().rows()).isEmpty();
    }

    @Test
    void closingBeforeTheSubscriptionIsMadeStillEndsIt() {
        Queue<Runnable> background = new ArrayDeque<>();
        MainViewModel slow = new MainViewModel(new FixedCatalog(List.of(deployment)), new TaskRunner(background::add, Runnable::run), clock);
        slow.start();

        slow.close();
        background.poll().run();

        assertThat(deployment.listeners).isEmpty();
        assertThat(deployment.calls).contains("subscribe", "unsubscribe");
    }

    private static FakeDeployment playingTheLocalPool(FakeDeployment fake) {
        fake.id = Deployment.LOCAL_ID;
        return fake;
    }
}
