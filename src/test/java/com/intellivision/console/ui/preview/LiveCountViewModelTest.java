package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.PersonBox;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.ProgressDetails.LiveFrame;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.preview.FramePreviewViewModel.Mode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A running count on the local pool shows its latest frame boxed; elsewhere it says why it cannot. */
class LiveCountViewModelTest {

    private static final PersonBox WALKER = new PersonBox(10, 20, 30, 60, 3);
    private static final PersonBox CYCLIST = new PersonBox(200, 40, 35, 70, 4);

    private final JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
    private final FramePreviewViewModel preview = new FramePreviewViewModel(jobs.selectedRowProperty());
    private final LiveCountViewModel live = preview.peopleCount().live();

    @Test
    void aRunningCountShowsItsLatestFrameWithItsPeopleAndFigures() {
        jobs.show("local");
        jobs.select(jobs.apply("local", Jobs.processingCount(4, T0, T0)));
        assertThat(preview.modeProperty().get()).as("until the first frame").isEqualTo(Mode.WORKING);

        jobs.applyProgress("local", report(30, frame(1, 12.5, WALKER, CYCLIST)));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.COUNT);
        assertThat(live.activeProperty().get()).isTrue();
        assertThat(live.imageUrlProperty().get()).isEqualTo(url(1));
        assertThat(live.boxes()).containsExactly(WALKER, CYCLIST);
        assertThat(live.countTextProperty().get()).isEqualTo("2 people in view");
        assertThat(live.captionProperty().get()).isEqualTo("The frame being analysed, at 00:00:12.500");
        assertThat(live.figuresProperty().get()).isEqualTo("120 / 480 frames · 24.5 fps · 1 min 20 s left");
        assertThat(live.progressProperty().get()).isEqualTo(0.3);

        jobs.applyProgress("local", report(40, null));
        assertThat(live.imageUrlProperty().get()).as("a report without a frame keeps the last").isEqualTo(url(1));
        assertThat(live.progressProperty().get()).isEqualTo(0.4);

        jobs.applyProgress("local", report(50, frame(2, 13.0, WALKER)));
        assertThat(live.imageUrlProperty().get()).isEqualTo(url(2));
        assertThat(live.countTextProperty().get()).isEqualTo("1 person in view");
    }

    @Test
    void theCountsEndShowsItsResultsInstead() {
        jobs.show("local");
        jobs.select(jobs.apply("local", Jobs.processingCount(4, T0, T0)));
        jobs.applyProgress("local", report(30, frame(1, 12.5, WALKER)));

        jobs.apply("local", Jobs.completedCount(4, T0, T0.plusSeconds(9), "/tmp/frames/4.png"));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.COUNT);
        assertThat(live.activeProperty().get()).isFalse();
        assertThat(live.imageUrlProperty().get()).isNull();
        assertThat(preview.peopleCount().countTextProperty().get()).isEqualTo("14 people");
    }

    @Test
    void aCountOnAnotherDeploymentSaysItSendsNoFrames() {
        jobs.show("lab");
        jobs.select(jobs.apply("lab", Jobs.processingCount(4, T0, T0)));

        jobs.applyProgress("lab", report(30, new LiveFrame("/api/jobs/4/image/live/", 12.5, List.of(WALKER))));

        assertThat(preview.modeProperty().get()).isEqualTo(Mode.WORKING);
        assertThat(live.activeProperty().get()).isFalse();
        assertThat(preview.progressPreview().noteProperty().get()).isEqualTo(ProgressPreviewViewModel.ELSEWHERE_NOTE);
    }

    @Test
    void aFrameJobOnAnotherDeploymentHasNoNote() {
        jobs.show("lab");
        jobs.select(jobs.apply("lab", Jobs.processing(5, T0, T0)));
        jobs.applyProgress("lab", new JobProgress(5, 40, "seeking"));

        assertThat(preview.progressPreview().noteProperty().get()).isEmpty();
    }

    @Test
    void aZoomedLiveFrameStaysZoomedForTheNextFrameOfTheSameSize() {
        ZoomViewModel zoom = live.zoom();
        zoom.resizePane(400, 300);
        zoom.nextImage(768, 576);
        zoom.actualSize();
        ZoomViewModel.Placement before = zoom.placementProperty().get();

        zoom.nextImage(768, 576);
        assertThat(zoom.placementProperty().get()).isEqualTo(before);

        zoom.nextImage(640, 480);
        assertThat(zoom.fittedProperty().get()).as("another size is fitted").isTrue();
    }

    private static JobProgress report(double percent, LiveFrame frame) {
        return new JobProgress(4, percent, "counting people", new ProgressDetails(120L, 480L, 80.0, 24.5, null, frame));
    }

    private static LiveFrame frame(int index, double seconds, PersonBox... people) {
        return new LiveFrame(url(index), seconds, List.of(people));
    }

    private static String url(int index) {
        return Path.of("/tmp/frames/4.live." + index + ".jpg").toUri().toString();
    }
}
