package com.intellivision.console.ui.common;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.ui.common.RetryEditViewModel.Shape;
import com.intellivision.console.ui.jobs.JobListViewModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The "Retry with changes" form on a fake deployment; background work waits in a queue until the test runs it. */
class RetryEditViewModelTest {

    private static final String NO_SETTINGS = "A server is sent only the link.";

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final TaskRunner tasks = new TaskRunner(background::add, Runnable::run);
    private final FakeDeployment deployment = new FakeDeployment();
    private final JobControl control = deployment.jobControl().orElseThrow();
    private final List<Job> retried = new ArrayList<>();

    @Test
    void aFrameIsPrefilledFromTheJobAndItsEditedTimeLaidOverItsOtherSettings() {
        Job frame = frame(4, JobStatus.FAILED, JobRequest.frame("https://youtu.be/dQw4w9WgXcQ", new FrameParams(90.0, "jpg")));
        RetryEditViewModel form = form(frame, fullCapabilities());

        assertThat(form.shape()).isEqualTo(Shape.FRAME);
        assertThat(form.settingsEditable()).isTrue();
        assertThat(form.urlProperty().get()).isEqualTo("https://youtu.be/dQw4w9WgXcQ");
        assertThat(form.timeProperty().get()).isEqualTo("00:01:30");
        assertThat(form.validBinding().get()).isTrue();

        form.timeProperty().set("2:05");
        form.urlProperty().set("  https://example.com/harbour.mp4 ");
        JobRequest edited = form.request();

        assertThat(edited.url()).isEqualTo("https://example.com/harbour.mp4");
        assertThat(edited.frameParams()).isEqualTo(new FrameParams(125.0, "jpg"));
        form.timeProperty().set("");
        assertThat(form.request().frameParams().atSeconds()).as("empty is a tenth of the way in").isNull();
    }

    @Test
    void whatCannotRunIsRefusedInItsFieldWithTheReason() {
        RetryEditViewModel form = form(frame(4, JobStatus.FAILED, JobRequest.frame("https://youtu.be/dQw4w9WgXcQ", null)), fullCapabilities());

        form.urlProperty().set("ftp://example.com/harbour.mp4");
        assertThat(form.urlErrorProperty().get()).startsWith("'ftp:' links cannot be used");
        assertThat(form.validBinding().get()).isFalse();
        form.urlProperty().set(" ");
        assertThat(form.urlErrorProperty().get()).isEqualTo("Give the video's link, or the path of its file.");
        form.urlProperty().set("https://example.com/harbour.mp4");
        assertThat(form.urlErrorProperty().get()).isEmpty();

        form.timeProperty().set("1:75");
        assertThat(form.timeErrorProperty().get()).isEqualTo("'1:75' is not a timestamp: write seconds (90) or a clock time (1:30 or 00:01:30)");
        assertThat(form.validBinding().get()).isFalse();
        form.retry(retried::add);
        assertThat(background).as("nothing is sent while a field is refused").isEmpty();

        form.timeProperty().set("75");
        assertThat(form.timeErrorProperty().get()).isEmpty();
        assertThat(form.validBinding().get()).isTrue();
    }

    @Test
    void aFilmstripsFramesAndAPeopleCountsRateAndDetectorAreChecked() {
        Job filmstrip = frame(5, JobStatus.COMPLETED, JobRequest.frame("https://youtu.be/dQw4w9WgXcQ", FrameParams.filmstrip(12, "jpg", 320)));
        RetryEditViewModel strip = form(filmstrip, fullCapabilities());
        assertThat(strip.shape()).isEqualTo(Shape.FILMSTRIP);
        assertThat(strip.framesProperty().get()).isEqualTo("12");
        for (String wrong : List.of("1", "101", "twelve")) {
            strip.framesProperty().set(wrong);
            assertThat(strip.framesErrorProperty().get()).as(wrong).isEqualTo("'" + wrong + "' is not a number of frames: a filmstrip has 2 to 100.");
        }
        strip.framesProperty().set("24");
        assertThat(strip.request().frameParams()).isEqualTo(FrameParams.filmstrip(24, "jpg", 320));

        Job count = job(6, JobType.PEOPLE_COUNT, JobStatus.FAILED, JobRequest.count("/videos/lobby.mp4", new CountParams(0.5, "/models/people.onnx", 3)));
        RetryEditViewModel people = form(count, fullCapabilities());
        assertThat(people.shape()).isEqualTo(Shape.COUNT);
        assertThat(people.fpsProperty().get()).isEqualTo("0.5");
        assertThat(people.detectorProperty().get()).isEqualTo("/models/people.onnx");
        people.fpsProperty().set("0");
        assertThat(people.fpsErrorProperty().get()).isEqualTo("The sample rate (fps) must be more than 0 frames a second, not 0.0");
        people.fpsProperty().set("fast");
        assertThat(people.fpsErrorProperty().get()).startsWith("'fast' is not a sample rate");
        people.detectorProperty().set("/models/people.txt");
        assertThat(people.detectorErrorProperty().get()).contains("ONNX model file (.onnx)");
        assertThat(people.validBinding().get()).isFalse();

        people.fpsProperty().set("4");
        people.detectorProperty().set("");
        assertThat(people.validBinding().get()).isTrue();
        assertThat(people.request().countParams()).isEqualTo(new CountParams(4.0, null, 3));
    }

    @Test
    void theRetryRunsInTheBackgroundAndHandsOverTheNewLinkedJob() {
        Job failed = frame(7, JobStatus.FAILED, JobRequest.frame("/videos/moved.mp4", FrameParams.at(1.0)));
        Job newJob = frame(8, JobStatus.PENDING, JobRequest.frame("/videos/found.mp4", FrameParams.at(3.0))).withRetryOf(7L);
        deployment.onRetryWith = (jobId, edited) -> Optional.of(newJob);
        RetryEditViewModel form = form(failed, fullCapabilities());
        form.urlProperty().set("/videos/found.mp4");
        form.timeProperty().set("3");

        form.retry(retried::add);

        assertThat(form.workingProperty().get()).isTrue();
        assertThat(deployment.retriedWith).as("not on the UI thread").isEmpty();
        background.remove().run();
        assertThat(deployment.calls).contains("retryWith 7");
        assertThat(deployment.retriedWith).singleElement().satisfies(sent -> {
            assertThat(sent.url()).isEqualTo("/videos/found.mp4");
            assertThat(sent.frameParams().atSeconds()).isEqualTo(3.0);
        });
        assertThat(retried).containsExactly(newJob);
        assertThat(form.workingProperty().get()).isFalse();
        assertThat(form.failureProperty().get()).isEmpty();
    }

    @Test
    void aRefusalStaysInTheFormWithItsReason() {
        Job failed = frame(7, JobStatus.FAILED, JobRequest.frame("https://youtu.be/dQw4w9WgXcQ", null));
        deployment.onRetryWith = (jobId, edited) -> {
            throw new IllegalArgumentException("This server counts people with its own detector; leave detector_model out");
        };
        RetryEditViewModel form = form(failed, fullCapabilities());

        form.retry(retried::add);
        background.remove().run();

        assertThat(form.failureProperty().get()).isEqualTo("This server counts people with its own detector; leave detector_model out");
        assertThat(form.workingProperty().get()).isFalse();
        assertThat(retried).isEmpty();

        deployment.onRetryWith = (jobId, edited) -> Optional.empty();
        form.retry(retried::add);
        background.remove().run();
        assertThat(form.failureProperty().get()).startsWith("Job #7 has not ended");
    }

    @Test
    void whereOnlyTheLinkIsSentOnlyTheLinkChangesAndTheFormSaysWhy() {
        Capabilities server = fullCapabilities().without(Feature.EDITED_SETTINGS, NO_SETTINGS);
        Job failed = frame(9, JobStatus.FAILED, JobRequest.frame("https://youtu.be/dQw4w9WgXcQ", FrameParams.at(12.0)));
        RetryEditViewModel form = form(failed, server);

        assertThat(form.settingsEditable()).isFalse();
        assertThat(form.settingsNote()).isEqualTo(NO_SETTINGS);
        form.timeProperty().set("not a time");
        form.urlProperty().set("https://youtu.be/oHg5SJYRHA0");

        assertThat(form.timeErrorProperty().get()).as("a field not offered refuses nothing").isEmpty();
        assertThat(form.validBinding().get()).isTrue();
        assertThat(form.request().url()).isEqualTo("https://youtu.be/oHg5SJYRHA0");
        assertThat(form.request().params()).isEqualTo(failed.params());
    }

    @Test
    void anyEndedJobOffersRetryWithChangesAndAWaitingOneDoesNot() {
        JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
        jobs.show("fake");
        DeploymentEntry entry = new DeploymentEntry(deployment);
        JobActionsViewModel actions = new JobActionsViewModel(jobs.selectedRowProperty(), tasks, id -> Optional.of(entry), (id, job) -> {},
                new RecordedNotices());
        JobRow completed = jobs.apply("fake", Jobs.completedFrame(1, T0, T0));
        JobRow failed = jobs.apply("fake", Jobs.failed(2, T0, T0, "Disk full."));
        JobRow pending = jobs.apply("fake", Jobs.pending(3, T0));

        assertThat(actions.canRetryWithChanges(completed)).isTrue();
        assertThat(actions.canRetryWithChanges(failed)).isTrue();
        assertThat(actions.canRetryWithChanges(pending)).isFalse();
        assertThat(actions.retryForm(pending)).isEmpty();
        assertThat(actions.retryForm(completed)).hasValueSatisfying(form -> assertThat(form.job().id()).isEqualTo(1));

        jobs.select(pending);
        assertThat(actions.canRetrySelectedWithChangesProperty().get()).isFalse();
        jobs.select(failed);
        assertThat(actions.canRetrySelectedWithChangesProperty().get()).isTrue();
    }

    private RetryEditViewModel form(Job job, Capabilities capabilities) {
        return new RetryEditViewModel(job, capabilities, control, tasks);
    }

    private Capabilities fullCapabilities() {
        return Capabilities.full(EnumSet.of(JobType.YOUTUBE_FRAME_EXTRACTION, JobType.PEOPLE_COUNT));
    }

    private static Job frame(long id, JobStatus status, JobRequest request) {
        return job(id, JobType.YOUTUBE_FRAME_EXTRACTION, status, request);
    }

    private static Job job(long id, JobType type, JobStatus status, JobRequest request) {
        return new Job(id, type, status, request.url(), request.params(), null, null, status == JobStatus.FAILED ? "It failed." : null, 1, 0,
                false, T0, T0);
    }
}
