package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.PeopleCountResult.Sample;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.ui.common.JobImages;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.preview.FilmstripViewModel;
import com.intellivision.console.ui.preview.FramePreviewViewModel.Mode;
import com.intellivision.console.ui.preview.FramePreviewViewModel;
import com.intellivision.console.ui.preview.PeopleCountViewModel.AlertLine;
import com.intellivision.console.ui.preview.PeopleCountViewModel;
import com.intellivision.console.ui.preview.ProgressPreviewViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The preview's richer faces: a running job's thumbnail and figures, a filmstrip, a people count, warnings. */
public class PreviewFacesTest {

    private static final String THUMBNAIL = "https://i.ytimg.com/vi/abc/hqdefault.jpg";

    private final JobListViewModel jobs = shownFake(new JobListViewModel(new MutableClock(T0)));
    private final FramePreviewViewModel preview = new FramePreviewViewModel(jobs.selectedRowProperty());
    private final ProgressPreviewViewModel running = preview.progressPreview();

    @Test
    void aRunningFrameJobShowsTheThumbnailAsSoonAsItArrivesAndKeepsIt() {
        jobs.select(jobs.apply("fake", Jobs.processing(3, T0, T0)));
        assertThat(running.thumbnailUrlProperty().get()).isNull();

        jobs.applyProgress("fake", new JobProgress(3, 5, "resolved", ProgressDetails.preview(THUMBNAIL)));
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.WORKING);
        assertThat(running.thumbnailUrlProperty().get()).isEqualTo(THUMBNAIL);
        assertThat(running.thumbnailCaptionProperty().get()).isEqualTo("Thumbnail — extracting the exact frame…");

        jobs.applyProgress("fake", new JobProgress(3, 60, "seeking"));
        assertThat(running.thumbnailUrlProperty().get()).as("later reports carry no preview").isEqualTo(THUMBNAIL);
        assertThat(running.figuresProperty().get()).isEmpty();

        jobs.apply("fake", Jobs.completedFrame(3, T0, T0.plusSeconds(2)));
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FRAME);
        assertThat(running.thumbnailUrlProperty().get()).isNull();
    }

    @Test
    void aThumbnailSeenBeforeTheJobWasSelectedIsShownWhenItIs() {
        JobRow row = jobs.apply("fake", Jobs.processing(3, T0, T0));
        jobs.applyProgress("fake", new JobProgress(3, 5, "resolved", ProgressDetails.preview(THUMBNAIL)));
        jobs.applyProgress("fake", new JobProgress(3, 40, "seeking"));

        jobs.select(row);

        assertThat(running.thumbnailUrlProperty().get()).isEqualTo(THUMBNAIL);
    }

    @Test
    void aRunningCountShowsItsFramesRateAndTimeLeft() {
        jobs.select(jobs.apply("fake", Jobs.processingCount(4, T0, T0)));

        jobs.applyProgress("fake", new JobProgress(4, 30, "counting people", new ProgressDetails(120L, 480L, 80.0, 24.5, THUMBNAIL)));

        assertThat(preview.headingProperty().get()).isEqualTo("Job #4 · People count");
        assertThat(preview.stageProperty().get()).isEqualTo("Counting people · 30 %");
        assertThat(running.figuresProperty().get()).isEqualTo("120 / 480 frames · 24.5 fps · 1 min 20 s left");
        assertThat(running.thumbnailCaptionProperty().get()).isEqualTo(ProgressPreviewViewModel.COUNT_CAPTION);
    }

    @Test
    void timeLeftReadsLikeAPersonWouldSayIt() {
        assertThat(ProgressPreviewViewModel.timeLeft(0.2)).isEqualTo("almost done");
        assertThat(ProgressPreviewViewModel.timeLeft(45)).isEqualTo("45 s left");
        assertThat(ProgressPreviewViewModel.timeLeft(120)).isEqualTo("2 min left");
        assertThat(ProgressPreviewViewModel.timeLeft(3_930)).isEqualTo("1 h 5 min left");
        assertThat(ProgressPreviewViewModel.figuresOf(new ProgressDetails(7L, null, null, null, null))).isEqualTo("7 frames");
    }

    @Test
    void aFilmstripShowsEveryFrameAndTheChosenOneLarge() {
        jobs.select(jobs.apply("fake", Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 4)));

        FilmstripViewModel strip = preview.filmstrip();
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.FRAME);
        assertThat(strip.frames()).extracting(frame -> frame.frameUrl())
                .containsExactly("file:/tmp/frames/5-0.jpg", "file:/tmp/frames/5-1.jpg", "file:/tmp/frames/5-2.jpg", "file:/tmp/frames/5-3.jpg");
        assertThat(preview.frameUrlProperty().get()).as("the first frame").isEqualTo("file:/tmp/frames/5-0.jpg");

        strip.select(strip.frames().get(2));

        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/5-2.jpg");
        assertThat(preview.frameDetailsProperty().get()).startsWith("frame 3 of 4, at 00:00:02.500 · 320 × 180");
    }

    @Test
    void aSingleFrameAfterAFilmstripHasNoStrip() {
        jobs.select(jobs.apply("fake", Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 4)));
        jobs.select(jobs.apply("fake", Jobs.completedFrame(6, T0, T0.plusSeconds(4))));

        assertThat(preview.filmstrip().frames()).isEmpty();
        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/6.png");
    }

    @Test
    void warningsAreShownUnderTheCaptionAndOnlyForTheirJob() {
        String damaged = "The video is damaged near 00:00:02 (FFmpeg: corrupt decoded frame); the frame may show blocks or smears.";
        jobs.select(jobs.apply("fake", Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 2, damaged)));
        assertThat(preview.warningsProperty().get()).isEqualTo(damaged);

        jobs.select(jobs.apply("fake", Jobs.completedFrame(6, T0, T0.plusSeconds(4))));
        assertThat(preview.warningsProperty().get()).isEmpty();
    }

    @Test
    void aCompletedCountShowsItsAnnotatedFrameCountTimelineAndAlerts() {
        Path annotated = Path.of("/tmp/frames/7.png").toAbsolutePath();
        jobs.select(jobs.apply("fake", Jobs.completedCount(7, T0, T0.plusSeconds(9), annotated.toString())));

        PeopleCountViewModel count = preview.peopleCount();
        assertThat(preview.modeProperty().get()).isEqualTo(Mode.COUNT);
        assertThat(count.imageUrlProperty().get()).isEqualTo(annotated.toUri().toString());
        assertThat(count.countTextProperty().get()).isEqualTo("14 people");
        assertThat(count.factsProperty().get()).isEqualTo("21 tracks in all · 2 fps · hog");
        assertThat(count.detailsProperty().get()).isEqualTo("busiest frame at 00:00:05 · 768 × 576 · 40 frames analysed · took 3.20 s");
        assertThat(count.timeline()).containsExactly(new Sample(0, 3), new Sample(0.5, 5), new Sample(1, 4));
        assertThat(count.alerts()).containsExactly(
                new AlertLine("More than 10 people in view", "00:00:05"),
                new AlertLine("The video is shorter than a sample", ""));
    }

    @Test
    void countsSayPersonForOne() {
        assertThat(PeopleCountViewModel.peopleText(0)).isEqualTo("0 people");
        assertThat(PeopleCountViewModel.peopleText(1)).isEqualTo("1 person");
    }

    @Test
    void jobImagesTakePathsAndUrls() {
        assertThat(JobImages.urlOf("http://host/frames/1.png")).isEqualTo("http://host/frames/1.png");
        assertThat(JobImages.urlOf("file:/tmp/1.png")).isEqualTo("file:/tmp/1.png");
        assertThat(JobImages.urlOf("/tmp/1.png")).isEqualTo(Path.of("/tmp/1.png").toUri().toString());
        assertThat(JobImages.urlOf(null)).isNull();
    }

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
