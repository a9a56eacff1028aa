package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filmstrip in a serve's pool: its frames, small and at full size, by job id and index over the media routes. */
class ServeFilmstripTest {

    private static final String TOKEN = "strip-token";
    private static final int FPS = 25;

    @TempDir
    Path temp;

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private LocalDeployment pool;
    private ApiServer server;

    @BeforeEach
    void start() {
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1);
        pool = LocalDeployment.start(config);
        ServeOptions options = new ServeOptions(ServeOptions.LOOPBACK, 0, true, ServeOptions.DEFAULT_MAX_JSON_BYTES,
                ServeOptions.DEFAULT_MAX_UPLOAD_BYTES);
        server = ApiServer.start(pool, temp.resolve("pool"), config.framesDir(), AccessToken.of(TOKEN), options);
    }

    @AfterEach
    void stop() {
        server.close();
        pool.close();
    }

    @Test
    void eachFrameIsServedAtItsThumbnailSizeAndAtFullSize() throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 4, FPS, 640, 360);
        Job strip = pool.awaitTerminal(pool.submit(JobRequest.frame(video.toString(), FrameParams.filmstrip(2, "jpg", 160))).id(),
                Duration.ofSeconds(60));
        assertThat(strip.status()).as(strip.error()).isEqualTo(JobStatus.COMPLETED);

        JsonNode frames;
        try (Response response = get("/api/jobs/" + strip.id() + "/")) {
            assertThat(response.code()).isEqualTo(200);
            frames = JobJson.mapper().readTree(response.body().string()).path("results").path("frames");
        }
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1).path("frame_url").asText()).isEqualTo("/api/jobs/" + strip.id() + "/image/1/");
        assertThat(frames.get(1).path("full_frame_url").asText()).isEqualTo("/api/jobs/" + strip.id() + "/image/1/full/");

        BufferedImage small = image(frames.get(1).path("frame_url").asText());
        BufferedImage full = image(frames.get(1).path("full_frame_url").asText());
        assertThat(small.getWidth()).isEqualTo(160);
        assertThat(full.getWidth()).isEqualTo(640);
        assertThat(full.getHeight()).isEqualTo(360);
        assertThat(TestVideos.frameNumberOf(full)).as("3 s in, the middle of the second half").isEqualTo(3 * FPS);

        try (Response missing = get("/api/jobs/" + strip.id() + "/image/2/full/")) {
            assertThat(missing.code()).isEqualTo(404);
        }
    }

    private BufferedImage image(String path) throws Exception {
        try (Response response = get(path)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
            return ImageIO.read(new ByteArrayInputStream(response.body().bytes()));
        }
    }

    private Response get(String path) throws Exception {
        return http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + path)
                .header("Authorization", "Bearer " + TOKEN).build()).execute();
    }
}
