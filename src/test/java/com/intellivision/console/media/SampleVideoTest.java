package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.PeopleCountResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample video a first run and the demo make: a real H.264 file of the length asked, in which a people count finds people. */
class SampleVideoTest {

    @TempDir
    Path temp;

    @Test
    void isAVideoOfWalkersThatAPeopleCountFinds() throws Exception {
        Path video = SampleVideo.write(temp.resolve("sample.mp4"), 6);

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(SampleVideo.WIDTH);
            assertThat(grabber.getImageHeight()).isEqualTo(SampleVideo.HEIGHT);
            assertThat(grabber.getLengthInTime() / 1e6).isBetween(5.5, 6.5);
        }
        PeopleCountResult count = new PeopleCounter().count(new VideoSource(video.toString(), Map.of(), "sample.mp4", "direct"),
                CountParams.defaults(), temp.resolve("count.png"), (percentage, stage, details) -> { });
        assertThat(count.personCount()).as("walkers found").isBetween(1, 8);
        try (var left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("no partial file is left").noneMatch(name -> name.contains(".part"));
        }
    }
}
