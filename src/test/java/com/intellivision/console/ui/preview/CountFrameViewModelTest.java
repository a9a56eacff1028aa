package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PersonBox;
import com.intellivision.console.ui.common.CountResults;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boxes toggle on a count's busiest frame, and a click on the chart showing a sample's frame with its boxes. */
class CountFrameViewModelTest {

    private static final String ANNOTATED = Path.of("/tmp/frames/7.png").toUri().toString();
    private static final String CLEAN = "file:/tmp/frames/7.clean.png";
    private static final PersonBox WALKER = new PersonBox(10, 20, 30, 60, 3);
    private static final PersonBox CYCLIST = new PersonBox(200, 40, 35, 70, 4);

    private final Deque<Runnable> background = new ArrayDeque<>();
    private final List<Double> asked = new ArrayList<>();
    private final PeopleCountViewModel count = new PeopleCountViewModel();
    private final CountFrameViewModel frame = count.frame();

    CountFrameViewModelTest() {
        frame.takeSampleFramesWith(new TaskRunner(background::add, Runnable::run), (job, seconds) -> {
            asked.add(seconds);
            if (seconds > 100) {
                throw new IllegalStateException("the video is shorter than that");
            }
            return "file:/tmp/frames/sample-" + seconds + ".jpg";
        });
    }

    @Test
    void theBoxesToggleSwitchesTheBusiestFrameBetweenBoxedAndClean() {
        show(countWithCleanFrame());
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
        assertThat(frame.boxesToggleOfferedProperty().get()).isTrue();
        assertThat(frame.captionProperty().get()).isEqualTo("Busiest frame, at 00:00:00.500");

        frame.boxesShownProperty().set(false);
        assertThat(frame.imageUrlProperty().get()).isEqualTo(CLEAN);
        assertThat(frame.overlay()).as("the busiest frame's boxes are in its picture, not drawn over").isEmpty();

        frame.boxesShownProperty().set(true);
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
    }

    @Test
    void anOlderCountWithoutACleanFrameCannotHideItsBoxesAndSaysWhy() {
        show(Jobs.completedCount(7, T0, T0.plusSeconds(9), "/tmp/frames/7.png"));

        assertThat(frame.boxesToggleOfferedProperty().get()).isFalse();
        assertThat(frame.boxesNoteProperty().get()).isEqualTo(CountFrameViewModel.NO_CLEAN_FRAME);
        frame.boxesShownProperty().set(false);
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
    }

    @Test
    void aClickOnTheChartTakesTheNearestSamplesFrameAndDrawsItsBoxes() {
        show(countWithCleanFrame());

        frame.showSampleNear(1.2);

        assertThat(frame.loadingProperty().get()).isTrue();
        assertThat(frame.captionProperty().get()).isEqualTo("Taking the frame at 00:00:01…");
        assertThat(frame.imageUrlProperty().get()).as("the busiest frame until it is there").isEqualTo(ANNOTATED);
        background.pop().run();

        assertThat(asked).containsExactly(1.0);
        assertThat(frame.loadingProperty().get()).isFalse();
        assertThat(frame.imageUrlProperty().get()).isEqualTo("file:/tmp/frames/sample-1.0.jpg");
        assertThat(frame.overlay()).containsExactly(WALKER, CYCLIST);
        assertThat(frame.captionProperty().get()).isEqualTo("At 00:00:01 · 2 people in view");

        frame.boxesShownProperty().set(false);
        assertThat(frame.overlay()).isEmpty();
        assertThat(frame.imageUrlProperty().get()).isEqualTo("file:/tmp/frames/sample-1.0.jpg");
    }

    @Test
    void aFrameTakenOnceIsShownAgainWithoutAnotherJobAndTheBusiestIsOneClickAway() {
        show(countWithCleanFrame());
        frame.showSampleNear(1.0);
        background.pop().run();

        frame.showBusiest();
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
        assertThat(frame.shownSampleProperty().get()).isNull();
        frame.showSampleNear(0.9);

        assertThat(background).isEmpty();
        assertThat(asked).containsExactly(1.0);
        assertThat(frame.imageUrlProperty().get()).isEqualTo("file:/tmp/frames/sample-1.0.jpg");
    }

    @Test
    void aClickNearTheBusiestSampleShowsTheBusiestFrameWithoutTakingOne() {
        show(countWithCleanFrame());

        frame.showSampleNear(0.6);

        assertThat(background).isEmpty();
        assertThat(frame.shownSampleProperty().get()).isNull();
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
    }

    @Test
    void aFrameThatCannotBeTakenSaysSoAndTheBusiestStays() {
        show(countWithCleanFrame());

        frame.showSampleNear(200);
        background.pop().run();

        assertThat(frame.problemProperty().get()).startsWith("The frame at 00:02:00 could not be taken: ")
                .contains("the video is shorter than that").endsWith("The busiest frame is shown instead.");
        assertThat(frame.imageUrlProperty().get()).isEqualTo(ANNOTATED);
        assertThat(frame.loadingProperty().get()).isFalse();
    }

    @Test
    void anAnswerForACountNoLongerShownIsDropped() {
        show(countWithCleanFrame());
        frame.showSampleNear(1.0);
        show(Jobs.completedCount(8, T0, T0.plusSeconds(9), "/tmp/frames/8.png"));

        background.pop().run();

        assertThat(frame.imageUrlProperty().get()).isEqualTo(Path.of("/tmp/frames/8.png").toUri().toString());
        assertThat(frame.overlay()).isEmpty();
    }

    private void show(Job job) {
        count.show(job, CountResults.of(job).orElseThrow());
    }

    /** A count whose busiest sample is at 0.5 s, with its clean frame and every sample's boxes; one at 120 s past the video's end. */
    private static Job countWithCleanFrame() {
        Job plain = Jobs.completedCount(7, T0, T0.plusSeconds(9), "/tmp/frames/7.png");
        ObjectNode results = plain.results().deepCopy();
        results.put("annotated_timestamp", 0.5).put("clean_image_url", CLEAN);
        ArrayNode timeline = results.putArray("timeline");
        timeline.add(sample(0.0, WALKER));
        timeline.add(sample(0.5, WALKER, CYCLIST, new PersonBox(400, 50, 30, 60, 5)));
        timeline.add(sample(1.0, WALKER, CYCLIST));
        timeline.add(sample(120.0));
        return new Job(plain.id(), plain.type(), plain.status(), plain.youtubeUrl(), plain.params(), results, plain.outputImage(), null, 1, 10,
                false, plain.createdAt(), plain.updatedAt());
    }

    private static ObjectNode sample(double seconds, PersonBox... boxes) {
        ObjectNode sample = JobJson.mapper().createObjectNode().put("timestamp", seconds).put("count", boxes.length);
        sample.set("boxes", JobJson.mapper().valueToTree(List.of(boxes)));
        return sample;
    }
}
