package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame extraction end to end: a real H.264 video served over loopback HTTP with Range support, real
 * worker processes, a real SQLite store, and the real yt-dlp.
 */
class FrameJobsOnLocalPoolTest {

    private static final int FPS = 25;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static LoopbackHttpServer server;
    static LocalEngine engine;

    @BeforeAll
    static void startPoolAndServer() throws IOException {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        Path clip = TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 10, FPS, WIDTH, HEIGHT);
        Files.copy(clip, videos.resolve("clip.stream"));
        server = LoopbackHttpServer.serving(videos);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(2).withOpenCvThreads(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void extractsTheExactFrameAskedForOverHttpBySeeking() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(3.2)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        Path image = Path.of(URI.create(job.results().get("frame_url").asText()));
        assertThat(TestVideos.frameNumberOf(image)).isEqualTo(80);
        assertThat(job.results().get("method").asText()).isEqualTo("stream_seek");
        assertThat(job.results().get("title").asText()).isEqualTo("clip.mp4");
        assertThat(job.results().get("width").asInt()).isEqualTo(WIDTH);
        assertThat(job.results().get("height").asInt()).isEqualTo(HEIGHT);
        assertThat(job.results().get("timestamp").asDouble()).isEqualTo(3.2);
        assertThat(job.results().get("processing_time").asDouble()).isPositive();
        assertThat(job.outputImage()).isEqualTo(image.toString());
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(server.rangeHeaders()).as("FFmpeg seeks with ranged requests").anyMatch(range -> range.matches("bytes=[1-9]\\d*-.*"));
    }

    @Test
    void takesTheFrameATenthOfTheWayInWhenNoTimeIsGiven() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(null)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(TestVideos.frameNumberOf(Path.of(job.outputImage()))).isEqualTo(25);
    }

    @Test
    void writesJpegWhenAsked() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), new FrameParams(7.0, "jpg")));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.outputImage()).endsWith(".jpg");
        BufferedImage image = ImageIO.read(Path.of(job.outputImage()).toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(TestVideos.frameNumberOf(image)).isEqualTo(175);
    }

    @Test
    void resolvesPagesThatAreNotVideoLinksWithTheRealYtDlp() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.stream"), FrameParams.at(5.0)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(TestVideos.frameNumberOf(Path.of(job.outputImage()))).isEqualTo(125);
        assertThat(job.results().get("title").asText()).as("yt-dlp names the video").isNotBlank();
    }

    @Test
    void readsLocalFiles() throws Exception {
        Job job = run(JobRequest.frame(temp.resolve("videos/clip.mp4").toString(), FrameParams.at(9.96)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(TestVideos.frameNumberOf(Path.of(job.outputImage()))).isEqualTo(249);
    }

    @Test
    void keepsEveryJobInTheStoreNewestFirst() {
        Job first = engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(1.0)));
        Job second = engine.submit(JobRequest.frame(server.url("/clip.mp4"), FrameParams.at(2.0)));

        assertThat(first.status()).isIn(JobStatus.PENDING, JobStatus.PROCESSING);
        assertThat(engine.recentJobs(2)).extracting(Job::id).containsExactly(second.id(), first.id());
        assertThat(engine.job(first.id())).isPresent();
    }

    static Job run(JobRequest request) throws Exception {
        return engine.awaitTerminal(engine.submit(request).id(), TIMEOUT);
    }
}
