package com.intellivision.console.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.common.TypedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SubmitBarViewModelTest {

    @TempDir
    Path videos;

    private String street() {
        return TypedFiles.existing(videos, "street.avi");
    }

    private final SubmitBarViewModel form = new SubmitBarViewModel();

    @Test
    void anEmptyOrBlankUrlCannotBeSubmitted() {
        assertThat(form.canSubmitProperty().get()).isFalse();

        form.urlProperty().set("   ");
        assertThat(form.canSubmitProperty().get()).isFalse();
        assertThatThrownBy(form::request).isInstanceOf(IllegalStateException.class);

        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        assertThat(form.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aBadTimestampShowsTimecodesOwnMessageAndBlocksSubmitting() {
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        form.timestampProperty().set("1:75");

        String expected = messageOfParsing("1:75");
        assertThat(form.timestampErrorProperty().get()).isEqualTo(expected);
        assertThat(form.problemProperty().get()).isEqualTo(expected);
        assertThat(form.canSubmitProperty().get()).isFalse();

        form.timestampProperty().set("1:15");
        assertThat(form.timestampErrorProperty().get()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aBlankTimestampLeavesTheMomentToTheEngine() {
        form.urlProperty().set("  https://youtu.be/abcxxxxxxxx ");
        form.timestampProperty().set("  ");

        JobRequest request = form.request();

        assertThat(request.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
        assertThat(request.url()).isEqualTo("https://youtu.be/abcxxxxxxxx");
        assertThat(request.frameParams().atSeconds()).isNull();
    }

    @Test
    void whatCannotBeASourceIsRefusedInTheFieldBeforeAnyJobExists(@TempDir Path folder) throws Exception {
        form.urlProperty().set("not a url at all");
        assertThat(form.canSubmitProperty().get()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("'not a url at all' is neither a link nor the path of a file."
                + " Paste a YouTube or video link (https://…) or choose a video file.");

        form.urlProperty().set(folder.resolve("missing.mp4").toString());
        assertThat(form.canSubmitProperty().get()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("There is no file at " + folder.resolve("missing.mp4")
                + ". Check the path, or choose the file.");

        form.urlProperty().set(folder.toString());
        assertThat(form.problemProperty().get()).isEqualTo(folder + " is a folder. Choose a video file in it.");

        form.urlProperty().set("https://www.youtube.com/playlist?list=PL0123");
        assertThat(form.problemProperty().get()).startsWith("That is a playlist, not one video.");

        form.urlProperty().set("https://youtu.be/dQw4w9WgXcQ");
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aFileFoundLateCountsOnlyWhileTheFieldStillNamesIt(@TempDir Path folder) throws Exception {
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        SubmitBarViewModel slow = new SubmitBarViewModel(new TaskRunner(background::add, Runnable::run));
        slow.urlProperty().set(folder.resolve("missing.mp4").toString());
        slow.urlProperty().set("https://youtu.be/dQw4w9WgXcQ");

        background.forEach(Runnable::run);

        assertThat(slow.problemProperty().get()).as("the answer about the old path is dropped").isEmpty();
        assertThat(slow.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aClockTimestampIsSentAsSeconds(@TempDir Path folder) throws Exception {
        form.urlProperty().set(Files.createFile(folder.resolve("clip.mp4")).toString());
        form.timestampProperty().set("1:30");

        assertThat(form.request().frameParams().atSeconds()).isEqualTo(90.0);
    }

    @Test
    void submittingBlocksASecondSubmissionUntilTheFirstIsAnswered() {
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        form.submissionStarted("");
        assertThat(form.canSubmitProperty().get()).isFalse();

        form.submissionFailed("the pool is shutting down");
        assertThat(form.canSubmitProperty().get()).isTrue();
        assertThat(form.problemProperty().get()).isEqualTo("the pool is shutting down");
        assertThat(form.urlProperty().get()).as("a failed URL stays for another try").isEqualTo("https://youtu.be/abcxxxxxxxx");
    }

    @Test
    void editingTheFormClearsTheLastFailure() {
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        form.submissionStarted("");
        form.submissionFailed("the pool is shutting down");

        form.urlProperty().set("https://youtu.be/abcdxxxxxxx");

        assertThat(form.submitErrorProperty().get()).isEmpty();
        assertThat(form.problemProperty().get()).isEmpty();
    }

    @Test
    void successClearsTheUrlButNotOneTypedWhileSubmitting() {
        form.urlProperty().set("https://youtu.be/firstxxxxxx");
        JobRequest first = form.request();
        form.submissionStarted("");
        form.submissionSucceeded(first);
        assertThat(form.urlProperty().get()).isEmpty();

        form.urlProperty().set("https://youtu.be/secondxxxxx");
        JobRequest second = form.request();
        form.submissionStarted("");
        form.urlProperty().set("https://youtu.be/thirdxxxxxx");
        form.submissionSucceeded(second);
        assertThat(form.urlProperty().get()).isEqualTo("https://youtu.be/thirdxxxxxx");
    }

    @Test
    void aFilmstripAsksForSmallJpegThumbnailsOfTheChosenCount() {
        form.kindProperty().set(JobKind.FILMSTRIP);
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        assertThat(form.filmstripCountProperty().get()).isEqualTo(8);

        form.filmstripCountProperty().set(4);
        JobRequest request = form.request();

        assertThat(request.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
        assertThat(request.frameParams()).isEqualTo(FrameParams.filmstrip(4, "jpg", 320));
    }

    @Test
    void aCountAsksForTheTypedSampleRate() {
        form.kindProperty().set(JobKind.COUNT);
        form.urlProperty().set(street());
        assertThat(form.countFpsProperty().get()).isEqualTo("2");
        assertThat(form.request().countParams()).isEqualTo(new CountParams(2.0, null, null));

        form.countFpsProperty().set(" 0.5 ");
        JobRequest request = form.request();

        assertThat(request.type()).isEqualTo(JobType.PEOPLE_COUNT);
        assertThat(request.url()).isEqualTo(street());
        assertThat(request.countParams().fps()).isEqualTo(0.5);
    }

    @Test
    void aBadSampleRateIsExplainedAndBlocksOnlyACount() {
        form.urlProperty().set(street());
        form.countFpsProperty().set("fast");
        assertThat(form.canSubmitProperty().get()).as("a frame does not use the sample rate").isTrue();

        form.kindProperty().set(JobKind.COUNT);
        assertThat(form.canSubmitProperty().get()).isFalse();
        assertThat(form.problemProperty().get()).startsWith("'fast' is not a sample rate");

        form.countFpsProperty().set("0");
        assertThat(form.problemProperty().get()).startsWith("The sample rate (fps) must be more than 0");
        assertThat(form.canSubmitProperty().get()).isFalse();
    }

    @Test
    void aBadTimestampDoesNotBlockTheKindsThatDoNotUseIt() {
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        form.timestampProperty().set("1:75");
        assertThat(form.canSubmitProperty().get()).isFalse();

        form.kindProperty().set(JobKind.FILMSTRIP);
        assertThat(form.canSubmitProperty().get()).isTrue();
        assertThat(form.problemProperty().get()).isEmpty();

        form.kindProperty().set(JobKind.FRAME);
        assertThat(form.canSubmitProperty().get()).isFalse();
    }

    private static String messageOfParsing(String text) {
        try {
            Timecode.parseSeconds(text);
            throw new AssertionError(text + " parsed, but the test needs a bad timestamp");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void aServerThatPicksItsOwnFrameOffersNoTimeNorFilmstripAndSaysWhy() {
        form.kindProperty().set(JobKind.FILMSTRIP);
        form.offer(Capabilities.full(EnumSet.allOf(JobType.class)).without(Feature.CHOSEN_FRAME_TIME, "The server picks the frame itself"));

        assertThat(form.kindProperty().get()).as("a filmstrip cannot run there").isEqualTo(JobKind.FRAME);
        assertThat(form.filmstripOfferedProperty().get()).isFalse();
        assertThat(form.chosenTimeOfferedProperty().get()).isFalse();
        assertThat(form.chosenTimeReasonProperty().get()).isEqualTo("The server picks the frame itself");
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        form.timestampProperty().set("not a time");
        assertThat(form.canSubmitProperty().get()).as("the time is not asked for, so it cannot be wrong").isTrue();
        assertThat(form.request().frameParams().atSeconds()).isNull();
    }

    @Test
    void theAnalysesOfferedAreThoseTheDeploymentRuns() {
        form.offer(Capabilities.full(EnumSet.of(JobType.YOUTUBE_FRAME_EXTRACTION, JobType.PEOPLE_COUNT)));
        assertThat(form.offeredAnalyses()).isEmpty();

        form.offer(Capabilities.full(EnumSet.allOf(JobType.class)));
        assertThat(form.offeredAnalyses()).contains(JobKind.CAR_COUNT, JobKind.EMERGENCY_COUNT, JobKind.LOBBY_DETECTION);
    }

    @Test
    void anEmergencyCountNeedsItsLinesDrawnAndSendsThem() {
        form.offer(Capabilities.full(EnumSet.allOf(JobType.class)));
        form.kindProperty().set(JobKind.EMERGENCY_COUNT);
        form.urlProperty().set("https://youtu.be/abcxxxxxxxx");
        assertThat(form.canSubmitProperty().get()).as("no lines yet").isFalse();

        EmergencyLines lines = new EmergencyLines(List.of(new EmergencyLines.Line(10, 20, 300, 20), new EmergencyLines.Line(10, 200, 300, 200)),
                640, 360);
        form.linesProperty().set(lines);

        assertThat(form.canSubmitProperty().get()).isTrue();
        JobRequest request = form.request();
        assertThat(request.type()).isEqualTo(JobType.EMERGENCY_COUNT);
        assertThat(request.params().get("emergency_lines").size()).isEqualTo(2);
        assertThat(request.params().get("video_width").asInt()).isEqualTo(640);

        form.urlProperty().set("https://youtu.be/anotherxxxx");
        assertThat(form.linesProperty().get()).as("lines belong to the video they were drawn on").isNull();
    }
}
