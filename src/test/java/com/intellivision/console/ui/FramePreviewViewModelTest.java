package com.intellivision.console.ui;

import static com.intellivision.console.ui.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.ui.FramePreviewViewModel.Mode;
import org.junit.jupiter.api.Test;

class FramePreviewViewModelTest {

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

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
