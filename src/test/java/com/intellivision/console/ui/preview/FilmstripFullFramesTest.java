package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.jobs.JobListViewModel;
import org.junit.jupiter.api.Test;

/** A filmstrip frame chosen is shown at full size where the strip kept it so, and its thumbnail, said to be one, where not. */
class FilmstripFullFramesTest {

    private final JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
    private final FramePreviewViewModel preview = new FramePreviewViewModel(jobs.selectedRowProperty());

    FilmstripFullFramesTest() {
        jobs.show("fake");
    }

    @Test
    void aChosenFrameIsShownAtFullSizeWithItsOwnSize() {
        jobs.select(jobs.apply("fake", withFullFrames(Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 3))));
        FilmstripViewModel strip = preview.filmstrip();

        strip.select(strip.frames().get(1));

        assertThat(strip.frames().get(1).frameUrl()).as("the row keeps its thumbnails").isEqualTo("file:/tmp/frames/5-1.jpg");
        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/5.1.full.jpg");
        assertThat(preview.frameDetailsProperty().get()).startsWith("frame 2 of 3, at 00:00:01.500 · 1920 × 1080 · took 1.20 s");
        assertThat(preview.frameNoteProperty().get()).isEmpty();
    }

    @Test
    void aStripMadeBeforeFullFramesWereKeptShowsItsThumbnailAndSaysSo() {
        jobs.select(jobs.apply("fake", askedAt320(Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 3))));
        FilmstripViewModel strip = preview.filmstrip();

        strip.select(strip.frames().get(2));

        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/5-2.jpg");
        assertThat(preview.frameDetailsProperty().get()).startsWith("frame 3 of 3, at 00:00:02.500 · 320 × 180");
        assertThat(preview.frameNoteProperty().get())
                .contains("made before full-size frames were kept")
                .contains("320 × 180 thumbnail")
                .contains("Run the filmstrip again");
    }

    @Test
    void anOlderStripOfFramesAtTheVideosOwnSizeHasNoNote() {
        jobs.select(jobs.apply("fake", Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 3)));
        preview.filmstrip().select(preview.filmstrip().frames().get(1));

        assertThat(preview.frameUrlProperty().get()).isEqualTo("file:/tmp/frames/5-1.jpg");
        assertThat(preview.frameNoteProperty().get()).isEmpty();
    }

    @Test
    void aSingleFrameAfterAStripHasNoNote() {
        jobs.select(jobs.apply("fake", askedAt320(Jobs.completedFilmstrip(5, T0, T0.plusSeconds(3), 3))));
        assertThat(preview.frameNoteProperty().get()).isNotEmpty();
        jobs.select(jobs.apply("fake", Jobs.completedFrame(6, T0, T0.plusSeconds(4))));

        assertThat(preview.frameNoteProperty().get()).isEmpty();
    }

    /** The strip as the submit bar asks for one: frames 320 pixels wide. */
    private static Job askedAt320(Job strip) {
        ObjectNode params = JobJson.mapper().createObjectNode().put("count", strip.results().get("frames").size()).put("width", 320);
        return new Job(strip.id(), strip.type(), strip.status(), strip.youtubeUrl(), params, strip.results(), null, null, 1, 0, false,
                strip.createdAt(), strip.updatedAt());
    }

    /** The strip as a worker that keeps full frames writes it, from a 1920 × 1080 video. */
    private static Job withFullFrames(Job strip) {
        ObjectNode results = strip.results().deepCopy();
        results.put("full_width", 1920).put("full_height", 1080);
        int index = 0;
        for (JsonNode frame : results.withArray("frames")) {
            ((ObjectNode) frame).put("full_frame_url", "file:/tmp/frames/" + strip.id() + "." + index++ + ".full.jpg");
        }
        return Jobs.job(strip.id(), JobStatus.COMPLETED, T0, T0.plusSeconds(3), results, null);
    }
}
