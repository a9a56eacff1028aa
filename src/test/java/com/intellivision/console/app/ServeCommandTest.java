package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as scripts meet it: the CLI's --server and --token-file on it, and stopping it with jobs under way. */
class ServeCommandTest {

    @TempDir
    Path temp;

    private LoopbackHttpServer videos;
    private ServeProcess serve;
    private Path tokenFile;

    @BeforeEach
    void startServe() throws Exception {
        videos = LoopbackHttpServer.servingClip(temp);
        serve = ServeProcess.start(temp.resolve("serve"), "--allow-private-urls");
        tokenFile = Files.writeString(temp.resolve("serve.token"), serve.token() + "\n");
    }

    @AfterEach
    void stopServe() throws Exception {
        serve.close();
        videos.close();
    }

    @Test
    void printsTheTokenOnlyAtTheFirstStart() throws Exception {
        String token = serve.token();
        waitForOutput("shown only this once");
        serve.stop();
        serve.restart();
        waitForOutput("Access token: in");

        String printed = String.join("\n", serve.output());
        assertThat(printed.split(java.util.regex.Pattern.quote(token), -1)).as("the token, printed once").hasSize(2);
        assertThat(serve.token()).isEqualTo(token);
    }

    private void waitForOutput(String text) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (serve.output().stream().noneMatch(line -> line.contains(text)) && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(serve.output()).anyMatch(line -> line.contains(text));
    }

    @Test
    void frameOnAServeWithTheServerOptionsWritesTheImage() throws Exception {
        Path out = temp.resolve("frame.png");
        CommandRun run = CommandRun.of("frame", videos.url("/clip.mp4"), "--server", serve.url(), "--token-file", tokenFile.toString(),
                "--out", out.toString(), "--data-dir", temp.resolve("client").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(JobJson.mapper().readTree(run.stdout()).path("status").asText()).isEqualTo("completed");
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
    }

    @Test
    void aFrameThatFailsOnTheServeExitsWithItsMessage() {
        CommandRun run = CommandRun.of("frame", videos.url("/no-such-video.mp4"), "--server", serve.url(), "--token-file", tokenFile.toString(),
                "--data-dir", temp.resolve("client").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).containsIgnoringCase("404");
    }

    @Test
    void stoppedWithAJobRunningItPutsTheJobBackAndRunsItAfterRestarting() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        String body = "{\"youtube_url\":\"" + videos.url(LoopbackHttpServer.STALLING_ONCE_VIDEO) + "\"}";
        long jobId;
        try (Response response = http.newCall(authorized(serve.url() + "/api/get-youtube-frame/")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            jobId = JobJson.mapper().readTree(response.body().string()).path("data").path("job_id").asLong();
        }
        waitForStatus(http, jobId, "processing");
        // Stopped only once the first attempt holds the one stalled request: a later attempt would wait out the stall.
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!videos.requestedPaths().contains(LoopbackHttpServer.STALLING_ONCE_VIDEO) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(videos.requestedPaths()).contains(LoopbackHttpServer.STALLING_ONCE_VIDEO);

        int exitCode = serve.stop();
        assertThat(exitCode).as("SIGTERM ends it through its shutdown hook").isIn(0, 143);

        serve.restart();
        JsonNode job = waitForStatus(http, jobId, "completed");
        assertThat(job.path("attempts").asInt()).as("run again after the restart").isGreaterThanOrEqualTo(2);
    }

    private JsonNode waitForStatus(OkHttpClient http, long jobId, String wanted) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < giveUp) {
            try (Response response = http.newCall(authorized(serve.url() + "/api/jobs/" + jobId + "/").build()).execute()) {
                job = JobJson.mapper().readTree(response.body().string());
            }
            if (job.path("status").asText().equals(wanted)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " never became " + wanted + ": " + job);
    }

    private Request.Builder authorized(String url) throws Exception {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + serve.token());
    }
}
