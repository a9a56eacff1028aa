package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filmstrips, scaling, JPEG quality and yt-dlp's page resolution, end to end on one worker. */
class FrameOptionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int FPS = 25;

    @TempDir
    static Path temp;

    static LoopbackHttpServer server;
    static LocalEngine engine;

    @BeforeAll
    static void start() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 8, FPS, 640, 360);
        Files.writeString(videos.resolve("player.html"), """
                <!doctype html><html><head><title>Harbour camera</title></head>
                <body><video src="/clip.mp4" poster="/poster.jpg" controls></video></body></html>""");
        server = LoopbackHttpServer.serving(videos);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void aFilmstripTakesEvenlySpacedExactFramesFromOneStream() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), FrameParams.filmstrip(4, "png", null)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        JsonNode frames = job.results().get("frames");
        assertThat(frames).hasSize(4);
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode frame : frames) {
            numbers.add(TestVideos.frameNumberOf(Path.of(URI.create(frame.get("frame_url").asText()))));
        }
        // The middle of each quarter of 8 s: 1, 3, 5 and 7 s.
        assertThat(numbers).containsExactly(FPS, 3 * FPS, 5 * FPS, 7 * FPS);
        assertThat(job.results().get("frame_url").asText()).isEqualTo(frames.get(0).get("frame_url").asText());
        assertThat(frames.get(2).get("timestamp").asDouble()).isEqualTo(5.0);
    }

    @Test
    void aFilmstripOfSmallFramesKeepsEachAtFullSizeBesideItToo() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), FrameParams.filmstrip(4, "jpg", 160)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        JsonNode frames = job.results().get("frames");
        assertThat(frames).hasSize(4);
        assertThat(job.results().get("width").asInt()).isEqualTo(160);
        assertThat(job.results().get("full_width").asInt()).isEqualTo(640);
        assertThat(job.results().get("full_height").asInt()).isEqualTo(360);
        for (int index = 0; index < frames.size(); index++) {
            Path small = Path.of(URI.create(frames.get(index).get("frame_url").asText()));
            Path full = Path.of(URI.create(frames.get(index).get("full_frame_url").asText()));
            assertThat(full).isNotEqualTo(small).hasFileName(job.id() + "." + index + ".full.jpg");
            BufferedImage thumbnail = ImageIO.read(small.toFile());
            BufferedImage fullSize = ImageIO.read(full.toFile());
            assertThat(thumbnail.getWidth()).isEqualTo(160);
            assertThat(thumbnail.getHeight()).isEqualTo(90);
            assertThat(fullSize.getWidth()).isEqualTo(640);
            assertThat(fullSize.getHeight()).isEqualTo(360);
            // The middle of each quarter of 8 s, both sizes the same frame.
            assertThat(TestVideos.frameNumberOf(fullSize)).isEqualTo((2 * index + 1) * FPS);
            assertThat(TestVideos.frameNumberOf(thumbnail)).isEqualTo((2 * index + 1) * FPS);
        }
        Path folder = Path.of(job.outputImage()).getParent();
        try (var written = Files.list(folder)) {
            assertThat(written.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(job.id() + ".")))
                    .as("no temporary file left").hasSize(8).noneMatch(name -> name.contains(".part."));
        }
    }

    @Test
    void scalesFramesToTheAskedWidthKeepingTheirShape() throws Exception {
        Job job = run(JobRequest.frame(server.url("/clip.mp4"), new FrameParams(2.0, "png", 1, 320, null)));

        BufferedImage image = ImageIO.read(Path.of(job.outputImage()).toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
        assertThat(job.results().get("width").asInt()).isEqualTo(320);
        assertThat(TestVideos.frameNumberOf(image)).isEqualTo(2 * FPS);
    }

    @Test
    void aLowerJpegQualityMakesASmallerFile() throws Exception {
        Job best = run(JobRequest.frame(server.url("/clip.mp4"), new FrameParams(3.0, "jpg", 1, null, 100)));
        Job rough = run(JobRequest.frame(server.url("/clip.mp4"), new FrameParams(3.0, "jpg", 1, null, 10)));

        assertThat(Files.size(Path.of(rough.outputImage()))).isLessThan(Files.size(Path.of(best.outputImage())));
        assertThat(TestVideos.frameNumberOf(Path.of(rough.outputImage()))).isEqualTo(3 * FPS);
    }

    @Test
    void aWebPageIsResolvedByYtDlpWhoseThumbnailIsShownFirstAndWhoseAnswerIsReused() throws Exception {
        EngineProbe.Recorder events = new EngineProbe.Recorder();
        engine.subscribe(events);

        Job first = run(JobRequest.frame(server.url("/player.html"), FrameParams.at(4.0)));
        Job second = run(JobRequest.frame(server.url("/player.html"), FrameParams.at(6.0)));

        assertThat(first.status()).as(first.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(TestVideos.frameNumberOf(Path.of(first.outputImage()))).isEqualTo(4 * FPS);
        assertThat(TestVideos.frameNumberOf(Path.of(second.outputImage()))).isEqualTo(6 * FPS);
        assertThat(events.all(EngineEvent.JobProgress.class, p -> p.jobId() == first.id() && p.details() != null))
                .extracting(p -> p.details().previewUrl()).contains(server.url("/poster.jpg"));
        assertThat(server.requestedPaths().stream().filter("/player.html"::equals)).as("yt-dlp asked once").hasSize(1);
    }

    private static Job run(JobRequest request) throws Exception {
        return engine.awaitTerminal(engine.submit(request).id(), TIMEOUT);
    }
}
