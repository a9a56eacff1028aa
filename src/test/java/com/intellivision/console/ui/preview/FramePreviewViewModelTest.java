package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.preview.FramePreviewViewModel.Mode;
import org.junit.jupiter.api.Test;

public class FramePreviewViewModelTest {

    private final JobListViewModel jobs = shownFake(new JobListViewModel(new MutableClock(T0)));
    private final FramePreviewViewModel preview = new FramePreviewViewModel(jobs.selectedRowProperty());

    @Test
    void withNothingSelectedItInvitesASubmission() {
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.MESSAGE);
        assertThat(preview.messageProperty().get()).isEqualTo("Submit a URL to extract a frame");
        assertThat(preview.headingProperty().get()).isEqualTo("Preview");
    }

    @Test
    void aPendingJobIsShownWaitingWithUnknownProgress() {
        jobs.select(jobs.apply("fake", Jobs.pending(3, T0)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.WORKING);
        assertThat(preview.progressProperty().get()).isNegative();
        assertThat(preview.stageProperty().get()).isEqualTo("Waiting for a free worker");
        assertThat(preview.headingProperty().get()).isEqualTo("Job #3 · Frame");
    }

    @Test
    void followsTheSelectedJobAsItRunsAndCompletes() {
        jobs.select(jobs.apply("fake", Jobs.processing(3, T0, T0)));

        jobs.applyProgress("fake", new JobProgress(3, 65, "seeking"));
        assertThat(preview.stageProperty().get()).isEqualTo("Seeking · 65 %");
        assertThat(preview.progressProperty().get()).isEqualTo(0.65);

        jobs.apply("fake", Jobs.completedFrame(3, T0, T0.plusSeconds(4)));
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FRAME);
        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/3.png");
        assertThat(preview.frameTitleProperty().get()).isEqualTo("Harbour at dawn");
        assertThat(preview.frameDetailsProperty().get()).isEqualTo("at 00:01:30.500 · 1280 × 720 · took 0.84 s · stream seek");
    }

    @Test
    void aFailedJobShowsItsErrorAsWritten() {
        String error = "The video is private. Ask its owner to share it, or use another URL.";
        jobs.select(jobs.apply("fake", Jobs.failed(3, T0, T0.plusSeconds(1), error)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FAILED);
        assertThat(preview.errorProperty().get()).isEqualTo(error);
    }

    @Test
    void aFailureWithoutAMessageStillSaysSomethingUseful() {
        jobs.select(jobs.apply("fake", Jobs.failed(3, T0, T0.plusSeconds(1), null)));

        assertThat(preview.errorProperty().get()).isNotBlank();
    }

    @Test
    void aCompletedJobWithoutAFrameSaysSoInsteadOfShowingAnEmptyImage() {
        jobs.select(jobs.apply("fake", Jobs.job(3, JobStatus.COMPLETED, T0, T0.plusSeconds(1), null, null)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.MESSAGE);
        assertThat(preview.messageProperty().get()).contains("no frame");
    }

    @Test
    void changingTheSelectionStopsFollowingTheJobBefore() {
        JobRow first = jobs.apply("fake", Jobs.processing(3, T0, T0));
        JobRow second = jobs.apply("fake", Jobs.failed(4, T0, T0.plusSeconds(1), "no such file"));
        jobs.select(first);
        jobs.select(second);

        jobs.apply("fake", Jobs.completedFrame(3, T0, T0.plusSeconds(5)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FAILED);
        assertThat(preview.headingProperty().get()).isEqualTo("Job #4 · Frame");
    }

    @Test
    void aJobAskedToStopSaysItIsCancellingUntilItHas() {
        JobRow row = jobs.apply("fake", Jobs.processing(3, T0, T0));
        jobs.select(row);

        row.markCancelling();
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.WORKING);
        assertThat(preview.stageProperty().get()).isEqualTo(FramePreviewViewModel.STOPPING);

        jobs.apply("fake", Jobs.cancelled(3, T0, T0.plusSeconds(2)));
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.MESSAGE);
        assertThat(preview.messageProperty().get()).isEqualTo("This job was cancelled.");
    }

    @Test
    void aDeadLetterIsMarkedUntilItIsRetried() {
        jobs.select(jobs.apply("fake", Jobs.deadLetter(3, T0, T0.plusSeconds(1), "Worker lost (exit code 137). It was lost 3 times.")));
        assertThat(preview.deadLetterProperty().get()).isTrue();

        jobs.apply("fake", Jobs.job(3, JobStatus.PENDING, T0, T0.plusSeconds(9), null, null));
        assertThat(preview.deadLetterProperty().get()).isFalse();
    }

    @Test
    void clearingTheSelectionGoesBackToTheInvitation() {
        jobs.select(jobs.apply("fake", Jobs.failed(4, T0, T0.plusSeconds(1), "no such file")));
        jobs.select(null);

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.MESSAGE);
        assertThat(preview.messageProperty().get()).isEqualTo(FramePreviewViewModel.NOTHING_SELECTED);
    }

    @Test
    void aServersFrameIsShownFromItsDownloadedImageAndTimedByItsJob() {
        ObjectNode results = JobJson.mapper().createObjectNode().put("frame_url", "/api/media/thumbnails/yt_thumb_1.jpg")
                .put("method", "thumbnail").put("title", "Loopback test video").put("processing_time", 0.13);
        Job job = new Job(6, JobType.YOUTUBE_FRAME_EXTRACTION, JobStatus.COMPLETED, "http://127.0.0.1:8091/page3.html",
                JobJson.mapper().createObjectNode(), results, "/data/remote/prod/6.jpg", null, 1, 0, false, T0, T0.plusSeconds(8));

        jobs.select(jobs.apply("fake", job));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FRAME);
        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:///data/remote/prod/6.jpg");
        assertThat(preview.frameDetailsProperty().get()).contains("took 0.13 s").contains("thumbnail");
    }

    @Test
    void aServersFrameNotYetDownloadedSaysSoRatherThanShowingABrokenImage() {
        ObjectNode results = JobJson.mapper().createObjectNode().put("frame_url", "/api/media/thumbnails/yt_thumb_1.jpg");

        jobs.select(jobs.apply("fake", Jobs.job(6, JobStatus.COMPLETED, T0, T0.plusSeconds(1), results, null)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.MESSAGE);
        assertThat(preview.messageProperty().get()).contains("could not be fetched from the server");
    }

    @Test
    void aServersPeopleCountIsShownAsACountThoughItHasNoTimeline() {
        ObjectNode results = JobJson.mapper().createObjectNode().put("person_count", 7).put("raw_track_count", 9).put("fps", 2.0);
        results.putArray("detection_strategies").add("yolov8");
        results.putArray("alerts").addObject().put("message", "Crowd above threshold").put("timestamp", "00:00:05");
        Job job = new Job(8, JobType.PEOPLE_COUNT, JobStatus.COMPLETED, "http://127.0.0.1:9/clip.mp4", JobJson.mapper().createObjectNode(),
                results, null, null, 1, 0, false, T0, T0.plusSeconds(8));

        jobs.select(jobs.apply("fake", job));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.COUNT);
        assertThat(preview.peopleCount().countTextProperty().get()).isEqualTo("7 people");
        assertThat(preview.peopleCount().timeline()).isEmpty();
        assertThat(preview.peopleCount().alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.when()).isEqualTo("00:00:05"));
        assertThat(preview.peopleCount().detailsProperty().get()).doesNotContain("busiest").doesNotContain("frames analysed");
    }

    @Test
    void anotherAnalysisShowsItsImageAndItsResultsAsTheyCame() {
        ObjectNode results = JobJson.mapper().createObjectNode();
        results.putObject("summary").put("entries", 12).put("exits", 9);
        Job job = new Job(9, JobType.CAR_COUNT, JobStatus.COMPLETED, "http://127.0.0.1:9/road.mp4", JobJson.mapper().createObjectNode(),
                results, "/data/remote/prod/9.jpg", null, 1, 0, false, T0, T0.plusSeconds(8), "task", null,
                "http://127.0.0.1:8000/api/media/outputs/9.mp4", null);

        jobs.select(jobs.apply("fake", job));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.RESULTS);
        assertThat(preview.resultsImageUrlProperty().get()).isEqualTo("file:///data/remote/prod/9.jpg");
        assertThat(preview.resultsTextProperty().get()).contains("\"entries\" : 12");
        assertThat(preview.outputVideoProperty().get()).endsWith("/outputs/9.mp4");
    }

    @Test
    void aServersFailureShowsItsTracebackToo() {
        Job job = new Job(8, JobType.PEOPLE_COUNT, JobStatus.FAILED, "http://127.0.0.1:9/clip.mp4", JobJson.mapper().createObjectNode(),
                null, null, "ModuleNotFoundError: No module named 'boxmot'", 1, 0, false, T0, T0.plusSeconds(1), "task",
                "Traceback (most recent call last):\n  File \"tasks.py\", line 388\n", null, null);

        jobs.select(jobs.apply("fake", job));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FAILED);
        assertThat(preview.errorProperty().get()).isEqualTo("ModuleNotFoundError: No module named 'boxmot'");
        assertThat(preview.tracebackProperty().get()).startsWith("Traceback (most recent call last)");
    }

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
