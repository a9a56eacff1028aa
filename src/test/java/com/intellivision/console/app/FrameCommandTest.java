package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code frame} command, run as a user runs it, on a real pool with a real worker process. */
class FrameCommandTest {

    @TempDir
    static Path temp;

    static Path video;

    @BeforeAll
    static void makeVideo() throws Exception {
        video = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 4, 25, 320, 180);
    }

    @Test
    void printsTheFinishedJobAsJsonAndCopiesTheFrame() throws Exception {
        Path out = temp.resolve("out/frame.jpg");
        out.getParent().toFile().mkdirs();
        CommandRun run = run("frame", video.toString(), "--at", "00:00:02", "--out", out.toString(), "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("job_type").asText()).isEqualTo("youtube_frame_extraction");
        assertThat(job.get("youtube_url").asText()).isEqualTo(video.toString());
        assertThat(job.get("results").get("frame_url").asText()).startsWith("file:").endsWith(".jpg");
        assertThat(job.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(TestVideos.frameNumberOf(out)).isEqualTo(50);
    }

    @Test
    void printsTheErrorAndExitsNonZeroWhenTheJobFails() throws Exception {
        CommandRun run = run("frame", video.toString(), "--at", "30", "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JobJson.mapper().readTree(run.stdout()).get("status").asText()).isEqualTo("failed");
        assertThat(run.stderr()).contains("failed: The timestamp 00:00:30 is past the end of the video");
    }

    @Test
    void takesAFilmstripOfScaledFrames() throws Exception {
        CommandRun run = run("frame", video.toString(), "--count", "2", "--width", "160", "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode results = JobJson.mapper().readTree(run.stdout()).get("results");
        assertThat(results.get("frames")).hasSize(2);
        assertThat(results.get("width").asInt()).isEqualTo(160);
        assertThat(results.get("frames").get(1).get("timestamp").asDouble()).isEqualTo(3.0);
    }

    @Test
    void refusesAFilmstripTooLongBeforeStartingAnything() {
        CommandRun run = run("frame", video.toString(), "--count", "500", "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("a filmstrip has 1 to 100 frames, not 500");
    }

    @Test
    void saysInOneLineWhyAStoreFromANewerConsoleCannotBeUsed() throws Exception {
        Path data = java.nio.file.Files.createDirectories(temp.resolve("newer"));
        try (java.sql.Connection newer = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("jobs.db"))) {
            newer.createStatement().execute("PRAGMA user_version=99");
        }

        CommandRun run = run("frame", video.toString(), "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("Error: cannot open the job store").contains("written by a newer version of the console")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesABadTimestampBeforeStartingAnything() {
        CommandRun run = run("frame", video.toString(), "--at", "soon", "--data-dir", temp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("'soon' is not a timestamp");
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
