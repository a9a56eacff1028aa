package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People counts end to end: {@code vtest.avi} (and cuts of it) served over loopback HTTP or read from disk,
 * a real worker process, a real SQLite store.
 */
class PeopleCountJobsOnLocalPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static Path videos;
    static LoopbackHttpServer server;
    static LocalEngine engine;
    static EngineProbe.Recorder events = new EngineProbe.Recorder();

    @BeforeAll
    static void startPoolAndServer() throws IOException {
        videos = Files.createDirectories(temp.resolve("videos"));
        SampleVideos.vtestOpening(videos.resolve("vtest-20s.avi"), 20);
        server = LoopbackHttpServer.serving(videos);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1));
        engine.subscribe(events);
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void aCountOverHttpCompletesWithResultsInThePeopleCountSchema() throws Exception {
        Job job = run(JobRequest.count(server.url("/vtest-20s.avi"), CountParams.defaults()));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.type().wireName()).isEqualTo("people-count");
        JsonNode results = job.results();
        assertThat(results.get("person_count").asInt()).as("see PeopleCounterTest for why 8 to 12").isBetween(8, 12);
        assertThat(results.get("raw_track_count").asInt()).isGreaterThanOrEqualTo(results.get("person_count").asInt());
        assertThat(results.get("fps").asDouble()).isEqualTo(2.0);
        assertThat(results.get("detection_strategies")).extracting(JsonNode::asText).startsWith("hog", "motion_regions");
        assertThat(results.get("alerts").isArray()).isTrue();
        assertThat(results.get("timeline")).hasSize(40);
        assertThat(results.get("timeline").get(3).get("timestamp").asDouble()).isEqualTo(1.5);
        assertThat(results.get("timeline").get(3).get("count").isInt()).isTrue();
        assertThat(results.get("frames_processed").asInt()).isEqualTo(40);
        assertThat(results.get("processing_time").asDouble()).isPositive();
        assertThat(results.get("width").asInt()).isEqualTo(768);
        assertThat(results.get("height").asInt()).isEqualTo(576);
        BufferedImage annotated = ImageIO.read(Path.of(job.outputImage()).toFile());
        assertThat(annotated.getWidth()).isEqualTo(768);
        assertThat(job.outputImage()).isEqualTo(engine.config().framesDir().resolve(job.id() + ".png").toString());

        List<EngineEvent.JobProgress> progress = framesAnalysed(job.id());
        assertThat(progress).isNotEmpty();
        assertThat(progress).allSatisfy(event -> {
            assertThat(event.details().totalFrames()).isEqualTo(40);
            assertThat(event.details().processedFrames()).isBetween(1L, 40L);
            assertThat(event.stage()).isEqualTo("counting people");
        });
        assertThat(progress).extracting(event -> event.details().processedFrames()).isSorted();
    }

    @Test
    void aCountKeepsItsBusiestFrameWithoutBoxesTooAndWhereEachSamplesPeopleWere() throws Exception {
        // Read as soon as they are announced: a live frame is removed once two newer ones are written.
        List<int[]> liveFrameSizes = new CopyOnWriteArrayList<>();
        Runnable stopListening = engine.subscribe(event -> {
            if (event instanceof EngineEvent.JobProgress progress && progress.details() != null && progress.details().liveFrame() != null) {
                try {
                    BufferedImage live = ImageIO.read(Path.of(URI.create(progress.details().liveFrame().url())).toFile());
                    liveFrameSizes.add(live == null ? new int[] {0, 0} : new int[] {live.getWidth(), live.getHeight()});
                } catch (IOException gone) {
                    liveFrameSizes.add(new int[] {0, 0});
                }
            }
        });
        Job job;
        try {
            job = run(JobRequest.count(server.url("/vtest-20s.avi"), CountParams.defaults()));
        } finally {
            stopListening.run();
        }

        List<ProgressDetails.LiveFrame> live = framesAnalysed(job.id()).stream().map(event -> event.details().liveFrame())
                .filter(frame -> frame != null).toList();
        assertThat(live).as("the frames shown while it ran").isNotEmpty();
        assertThat(live).allSatisfy(frame -> {
            assertThat(Path.of(URI.create(frame.url())).getFileName().toString()).matches(job.id() + "\\.live\\.\\d+\\.jpg");
            assertThat(frame.timestamp()).isBetween(0.0, 19.5);
        });
        assertThat(live).extracting(ProgressDetails.LiveFrame::url).doesNotHaveDuplicates();
        assertThat(liveFrameSizes).as("each a whole JPEG of the video's size").isNotEmpty()
                .allSatisfy(size -> assertThat(size).containsExactly(768, 576));
        assertThat(live).anySatisfy(frame -> assertThat(frame.boxes()).isNotEmpty());
        try (var left = Files.list(engine.config().framesDir())) {
            assertThat(left.map(file -> file.getFileName().toString())).as("no live frame kept once it ended")
                    .noneMatch(name -> name.startsWith(job.id() + ".live."));
        }

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        Path clean = Path.of(URI.create(job.results().get("clean_image_url").asText()));
        assertThat(clean).isEqualTo(engine.config().framesDir().resolve(job.id() + ".clean.png"));
        BufferedImage withoutBoxes = ImageIO.read(clean.toFile());
        BufferedImage boxed = ImageIO.read(Path.of(job.outputImage()).toFile());
        assertThat(withoutBoxes.getWidth()).isEqualTo(768);
        assertThat(magentaPixels(boxed)).as("the boxes drawn").isGreaterThan(500);
        assertThat(magentaPixels(withoutBoxes)).as("no box on the clean frame").isZero();

        JsonNode busiest = null;
        for (JsonNode sample : job.results().get("timeline")) {
            int count = sample.get("count").asInt();
            assertThat(sample.path("boxes").size()).isEqualTo(count);
            if (sample.get("timestamp").asDouble() == job.results().get("annotated_timestamp").asDouble()) {
                busiest = sample;
            }
        }
        assertThat(busiest).isNotNull();
        JsonNode box = busiest.get("boxes").get(0);
        int x = Math.max(0, box.get("x").asInt());
        int y = Math.max(0, box.get("y").asInt());
        int right = Math.min(boxed.getWidth(), box.get("x").asInt() + box.get("width").asInt());
        int magentaOnTopEdge = 0;
        for (int column = x; column < right; column++) {
            magentaOnTopEdge += isMagenta(boxed.getRGB(column, y)) ? 1 : 0;
        }
        assertThat(magentaOnTopEdge).as("the results' box is where the boxed frame has it").isGreaterThanOrEqualTo((right - x) / 2);
    }

    private static int magentaPixels(BufferedImage image) {
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                found += isMagenta(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return found;
    }

    private static boolean isMagenta(int rgb) {
        return (rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) < 60 && (rgb & 0xff) > 200;
    }

    @Test
    void cancellingARunningCountStopsItBetweenFramesWithoutLosingTheWorker() throws Exception {
        Job job = engine.submit(JobRequest.count(SampleVideos.vtest().toString(), CountParams.defaults()));
        EngineProbe.await(() -> framesAnalysed(job.id()).stream().anyMatch(event -> event.details().processedFrames() >= 2),
                "the count to analyse two frames", TIMEOUT);
        WorkerInfo counting = EngineProbe.awaitWorkerRunning(engine::workers, job.id(), TIMEOUT);

        long started = System.nanoTime();
        engine.cancel(job.id());
        Job cancelled = engine.awaitTerminal(job.id(), Duration.ofSeconds(3));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(took).as("stopped by the worker itself, before the engine's 2 s grace for killing it").isLessThan(Duration.ofMillis(1500));
        assertThat(engine.workers()).singleElement().satisfies(worker -> {
            assertThat(worker.pid()).isEqualTo(counting.pid());
            assertThat(worker.state()).isIn(WorkerState.IDLE, WorkerState.BUSY);
        });
        assertThat(engine.config().framesDir().resolve(job.id() + ".png")).doesNotExist();
    }

    @Test
    void aFileWithOnlySoundFailsSayingItHasNoVideoTrack() throws Exception {
        Path voice = SampleVideos.audioOnly(videos.resolve("voice.mp4"));

        Job job = run(JobRequest.count(voice.toString(), CountParams.defaults()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("voice.mp4 has no video track (it may be audio only). Choose a video.");
    }

    @Test
    void aTruncatedDownloadFailsSayingItIsIncomplete() throws Exception {
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 4, 25, 320, 180);
        byte[] whole = Files.readAllBytes(clip);
        Files.write(videos.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length * 2 / 5));

        Job job = run(JobRequest.count(server.url("/truncated.mp4"), CountParams.defaults()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("is incomplete: its index (moov atom) is missing").endsWith("Get the whole file and retry.");
    }

    @Test
    void aFileThatIsNoVideoFailsSayingSo() throws Exception {
        Path notes = Files.writeString(videos.resolve("notes.avi"), "Meeting notes, not a recording.");

        Job job = run(JobRequest.count(notes.toString(), CountParams.defaults()));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).startsWith(notes + " is not a video that can be read").endsWith("Check that it plays in a video player.");
    }

    @Test
    void aMissingDetectorModelFailsSayingWhatToDo() throws Exception {
        Path nowhere = temp.resolve("models/person.onnx");

        Job job = run(JobRequest.count(server.url("/vtest-20s.avi"), new CountParams(2.0, nowhere.toString(), null)));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("The person detector model " + nowhere + " does not exist. Give the path of a YOLO person "
                + "detector in ONNX format, or leave the model out to count with the built-in HOG detector.");
    }

    @Test
    void aWorkerLoadsOpenCvForItsFirstCountAndNotBefore() throws Exception {
        Path tiny = TestVideos.writeFrameCodedVideo(temp.resolve("tiny.mp4"), 1, 10, 160, 90);
        try (LocalEngine fresh = LocalEngine.start(PoolConfig.defaults(temp.resolve("fresh")).withWorkerCount(1))) {
            WorkerInfo worker = EngineProbe.await(() -> fresh.workers().stream().filter(w -> w.state() == WorkerState.IDLE).findFirst().orElse(null),
                    "an idle worker", TIMEOUT);
            assertThat(nativeLibrariesOf(worker.pid())).as("an idle worker's libraries").contains("libavformat").doesNotContain("libopencv");

            Job counted = fresh.awaitTerminal(fresh.submit(JobRequest.count(tiny.toString(), null)).id(), TIMEOUT);

            assertThat(counted.status()).as(counted.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(nativeLibrariesOf(worker.pid())).contains("libopencv_objdetect");
        }
    }

    /** The progress events of a job that tell how many frames it analysed. */
    private static List<EngineEvent.JobProgress> framesAnalysed(long jobId) {
        return events.all(EngineEvent.JobProgress.class,
                event -> event.jobId() == jobId && event.details() != null && event.details().processedFrames() != null);
    }

    /** The shared libraries mapped into a process: Linux lists them in /proc/PID/maps. */
    private static String nativeLibrariesOf(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "maps"));
    }

    private static Job run(JobRequest request) throws Exception {
        return engine.awaitTerminal(engine.submit(request).id(), TIMEOUT);
    }
}
