package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code count} command, run as a user runs it, on a real pool with a real worker process. */
class CountCommandTest {

    @TempDir
    static Path temp;

    static Path video;

    @BeforeAll
    static void makeVideo() throws Exception {
        video = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 3, 25, 320, 180);
    }

    @Test
    void printsTheFinishedCountAsJsonAndCopiesTheAnnotatedFrame() throws Exception {
        Path out = temp.resolve("out/annotated.png");
        Files.createDirectories(out.getParent());
        CommandRun run = run("count", video.toString(), "--fps", "4", "--out", out.toString(), "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("job_type").asText()).isEqualTo("people-count");
        assertThat(job.get("params").get("fps").asDouble()).isEqualTo(4.0);
        JsonNode results = job.get("results");
        assertThat(results.get("person_count").asInt()).as("the clip shows blocks, no one").isZero();
        assertThat(results.get("frames_processed").asInt()).isEqualTo(12);
        assertThat(results.get("alerts").get(0).get("message").asText()).isEqualTo("No people were detected in the video.");
        assertThat(results.get("alerts").get(0).get("timestamp").isNull()).isTrue();
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(320);
    }

    @Test
    void aMovingCameraIsCountedOnWholeFrames() throws Exception {
        CommandRun run = run("count", video.toString(), "--moving-camera", "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("params").get("motion_regions").asBoolean(true)).isFalse();
        assertThat(job.get("results").get("detection_strategies")).extracting(JsonNode::asText).containsExactly("hog");
    }

    @Test
    void printsTheErrorAndExitsWithOneWhenTheCountFails() throws Exception {
        Path model = temp.resolve("no-such-model.onnx");
        CommandRun run = run("count", video.toString(), "--model", model.toString(), "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JobJson.mapper().readTree(run.stdout()).get("status").asText()).isEqualTo("failed");
        assertThat(run.stderr()).contains("failed: The person detector model " + model + " does not exist.");
    }

    @Test
    void refusesBadOptionsBeforeStartingAnything() {
        CommandRun jpeg = run("count", video.toString(), "--out", "boxed.jpg", "--data-dir", temp.resolve("data").toString());
        CommandRun noRate = run("count", video.toString(), "--fps", "0", "--data-dir", temp.resolve("data").toString());

        assertThat(jpeg.exitCode()).isEqualTo(2);
        assertThat(jpeg.stderr()).contains("--out: the annotated frame is a PNG, so the file must end in .png, not boxed.jpg");
        assertThat(noRate.exitCode()).isEqualTo(2);
        assertThat(noRate.stderr()).contains("the sample rate (fps) must be more than 0 frames a second, not 0.0");
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
