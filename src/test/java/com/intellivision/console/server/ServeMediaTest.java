package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serve's media routes by job id: a filmstrip's frames small and at full size, a count's busiest frame
 * without boxes, and the frame a running count analysed last.
 */
class ServeMediaTest {

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
                ServeOptions.DEFAULT_MAX_UPLOAD_BYTES, ServeOptions.DEFAULT_MAX_REQUESTS_PER_CLIENT);
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

    @Test
    void aRunningCountsLatestFrameAndItsCleanBusiestFrameAreServedByItsId() throws Exception {
        Path video = SampleVideos.vtestOpening(temp.resolve("vtest-8s.avi"), 8);
        List<Integer> liveWidths = new CopyOnWriteArrayList<>();
        // Asked as soon as the pool says there is a frame; the serve's own board hears the event first.
        Deployment.Subscription listening = pool.subscribe(event -> {
            if (event instanceof EngineEvent.JobProgress progress && progress.details() != null && progress.details().liveFrame() != null) {
                try (Response live = get("/api/jobs/" + progress.jobId() + "/image/live/")) {
                    liveWidths.add(live.code() == 200 ? ImageIO.read(new ByteArrayInputStream(live.body().bytes())).getWidth() : -live.code());
                } catch (Exception unreadable) {
                    liveWidths.add(0);
                }
            }
        });
        Job count;
        try {
            count = pool.awaitTerminal(pool.submit(JobRequest.count(video.toString(), null)).id(), Duration.ofSeconds(120));
        } finally {
            listening.close();
        }
        assertThat(count.status()).as(count.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(liveWidths).as("the live frames asked for").isNotEmpty().contains(768);

        JsonNode results;
        try (Response response = get("/api/jobs/" + count.id() + "/")) {
            results = JobJson.mapper().readTree(response.body().string()).path("results");
        }
        assertThat(results.path("clean_image_url").asText()).isEqualTo("/api/jobs/" + count.id() + "/image/clean/");
        try (Response clean = get(results.path("clean_image_url").asText())) {
            assertThat(clean.code()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(clean.body().bytes())).getWidth()).isEqualTo(768);
        }
        try (Response ended = get("/api/jobs/" + count.id() + "/image/live/")) {
            assertThat(ended.code()).as("no live frame once the count ended").isEqualTo(404);
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
