package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code frame} and {@code count} on an IntelliVision server given with --server, over real HTTP on the loopback. */
class RemoteFrameAndCountTest extends CommandsOnFakeServer {

    @Test
    void printsTheCompletedFrameAndCopiesItsDownloadedImage() throws Exception {
        Path out = temp.resolve("frame.jpg");
        CommandRun run = remote.run("frame", "https://www.youtube.com/watch?v=loopback", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("job_type").asText()).isEqualTo("youtube_frame_extraction");
        assertThat(job.get("youtube_url").asText()).isEqualTo("https://www.youtube.com/watch?v=loopback");
        assertThat(Files.readAllBytes(out)).startsWith(0xFF, 0xD8);
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(run.stdout() + run.stderr()).doesNotContain(FakeIntelliVisionServer.ACCESS_TOKEN);
        assertThat(remote.dataDir.resolve("jobs.db")).as("the local pool was never started").doesNotExist();
    }

    @Test
    void convertsTheServersJpegWhenThePngIsAskedFor() throws Exception {
        Path out = temp.resolve("frame.png");
        CommandRun run = remote.run("frame", "https://www.youtube.com/watch?v=png", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readAllBytes(out)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(ImageIO.read(out.toFile()).getHeight()).isEqualTo(90);
    }

    @Test
    void countsPeopleOnTheServerAndCopiesItsAnnotatedFrame() throws Exception {
        Path out = temp.resolve("boxed.png");
        CommandRun run = remote.run("count", "https://www.youtube.com/watch?v=crowd", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("job_type").asText()).isEqualTo("people-count");
        assertThat(job.get("results").get("person_count").asInt()).isEqualTo(7);
        assertThat(server.requestsTo("/api/people-count/")).hasSize(1);
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(160);
    }

    @Test
    void saysWhyAFailedCountFailedAndExitsWithOne() throws Exception {
        CommandRun run = remote.run("count", "https://www.youtube.com/watch?v=will-fail");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("traceback").asText()).contains("process_video_job");
        assertThat(run.stderr()).isEqualToIgnoringNewLines("Job " + job.get("id").asLong()
                + " failed: ModuleNotFoundError: No module named 'boxmot'");
    }

    @Test
    void treatsAnAnalysisThatReportedAnErrorAsFailed() {
        CommandRun run = remote.run("count", "https://www.youtube.com/watch?v=analysis-error");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("failed: ").contains("The video has no frames the model could read");
    }

    @Test
    void refusesFrameSettingsTheServerPicksItself() {
        CommandRun run = remote.run("frame", "https://www.youtube.com/watch?v=x", "--at", "1:30", "--width", "320");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--at and --width cannot be used with 127.0.0.1:")
                .contains("the server picks its own settings (the server picks the frame itself)");
        assertThat(server.requestsTo("/api/get-youtube-frame/")).isEmpty();
    }

    @Test
    void refusesCountSettingsTheServerPicksItself() {
        CommandRun run = remote.run("count", "https://www.youtube.com/watch?v=x", "--fps", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--fps cannot be used with 127.0.0.1:").contains("the server picks its own settings");
        assertThat(server.requestsTo("/api/people-count/")).isEmpty();
    }

    @Test
    void givesTheServersMessageForARefusedToken() throws Exception {
        Files.writeString(remote.tokenFile, "not-the-servers-token\n");

        CommandRun run = remote.run("frame", "https://www.youtube.com/watch?v=x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("Error: ").contains("Token is invalid or expired").doesNotContain("not-the-servers-token")
                .doesNotContain("\tat ");
        assertThat(run.stderr().strip().lines()).hasSize(1);
    }

    @Test
    void saysTheJobGoesOnWhenItDoesNotEndInTime() throws Exception {
        CommandRun run = remote.run("frame", "https://www.youtube.com/watch?v=stay", "--timeout", "0.05");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("did not finish within 3 seconds; it stays queued on 127.0.0.1:")
                .contains("'jobs --server " + server.url() + "' shows how it ends.");
    }

    @Test
    void saysClearlyWhatIsWrongWithATokenFile() throws Exception {
        Path missing = temp.resolve("no-such.token");
        Path twoLines = Files.writeString(temp.resolve("two.token"), "first-secret\nsecond-secret\n");

        CommandRun absent = CommandRun.of("frame", "https://youtu.be/x", "--server", server.url(), "--token-file", missing.toString(),
                "--data-dir", remote.dataDir.toString());
        CommandRun tooLong = CommandRun.of("frame", "https://youtu.be/x", "--server", server.url(), "--token-file", twoLines.toString(),
                "--data-dir", remote.dataDir.toString());

        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.stderr()).contains("--token-file: there is no file " + missing);
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.stderr()).contains("holds more than one line").doesNotContain("secret");
    }

    @Test
    void takesEitherASavedDeploymentOrAServerNotBoth() {
        CommandRun run = remote.run("frame", "https://youtu.be/x", "--deployment", "Staging");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("mutually exclusive");
    }
}
