package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.PlainHttpServer;
import com.intellivision.console.testsupport.PlainHttpServer.Behaviour;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs through the real local pool, in a real worker process, on a server that ignores Range requests
 * (as Python's http.server does) and serves an MP4 whose index is at its end. The video is larger than
 * the worker's whole heap, so it can only have been downloaded as a stream, never held in memory.
 */
class NonSeekingServersOnLocalPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int FPS = 25;
    private static final int WORKER_HEAP_MIB = 48;
    private static final long PADDING_BYTES = 80L << 20;

    @TempDir
    static Path temp;

    static PlainHttpServer wholeFiles;
    static LocalEngine engine;
    static final List<EngineEvent.JobProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        TestVideos.padBeforeIndex(TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 10, FPS, 320, 180), PADDING_BYTES);
        byte[] small = Files.readAllBytes(TestVideos.writeFrameCodedVideo(temp.resolve("small.mp4"), 4, FPS, 160, 120));
        Files.write(videos.resolve("truncated.mp4"), java.util.Arrays.copyOf(small, small.length * 2 / 5));
        wholeFiles = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1).withWorkerHeapMiB(WORKER_HEAP_MIB)
                .withStreamLimits(new StreamLimits(Duration.ofSeconds(2), StreamLimits.DEFAULT.downloadLimitBytes())));
        engine.subscribe(event -> {
            if (event instanceof EngineEvent.JobProgress reported) {
                progress.add(reported);
            }
        });
    }

    @AfterAll
    static void stop() throws IOException {
        engine.close();
        wholeFiles.close();
    }

    private static Job run(LocalEngine pool, JobRequest request) throws Exception {
        return pool.awaitTerminal(pool.submit(request).id(), TIMEOUT);
    }

    private static List<Path> downloadsLeft(LocalEngine pool) throws IOException {
        Path folder = pool.config().downloadsDir();
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aFrameJobDownloadsTheVideoAndTakesTheRightFrameWithAWarning() throws Exception {
        Job job = run(engine, JobRequest.frame(wholeFiles.url("/clip.mp4"), FrameParams.at(4.0)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(TestVideos.frameNumberOf(Path.of(URI.create(job.results().get("frame_url").asText())))).isEqualTo(4 * FPS);
        assertThat(job.results().get("warnings").get(0).asText())
                .contains("does not support seeking (it ignores Range requests), so the whole video was downloaded first: 80.")
                .contains(" MiB read in ");
        // Reported every 4 MiB or every second, whichever comes first: how much, not exactly when.
        Pattern downloading = Pattern.compile("downloading the whole video \\(its server cannot seek\\): ([\\d.]+) MiB of 80\\.\\d MiB");
        List<Double> read = progress.stream().filter(reported -> reported.jobId() == job.id())
                .map(reported -> downloading.matcher(reported.stage())).filter(Matcher::matches)
                .map(matched -> Double.parseDouble(matched.group(1))).toList();
        assertThat(read).as("the download's progress").hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(read).anyMatch(mib -> mib > 20 && mib < 60);
        assertThat(downloadsLeft(engine)).isEmpty();
    }

    @Test
    void aPeopleCountDownloadsTheVideoToo() throws Exception {
        Job job = run(engine, JobRequest.count(wholeFiles.url("/clip.mp4"), new CountParams(1.0, null, null)));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.results().get("frames_processed").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(job.results().get("warnings").get(0).asText()).contains("does not support seeking");
        assertThat(downloadsLeft(engine)).isEmpty();
    }

    @Test
    void aTruncatedVideoIsReportedByItsLinkNotByItsDownload() throws Exception {
        Job job = run(engine, JobRequest.frame(wholeFiles.url("/truncated.mp4"), FrameParams.at(1.0)));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).startsWith(wholeFiles.url("/truncated.mp4") + " is incomplete: its index (moov atom) is missing")
                .doesNotContain(".spool");
        assertThat(downloadsLeft(engine)).isEmpty();
    }

    @Test
    void aVideoAboveTheDownloadLimitIsRefusedWithHowToRaiseIt() throws Exception {
        PoolConfig small = PoolConfig.defaults(temp.resolve("data-small-limit")).withWorkerCount(1)
                .withStreamLimits(new StreamLimits(Duration.ofSeconds(2), 16L << 20));
        try (LocalEngine limited = LocalEngine.start(small)) {
            Job job = run(limited, JobRequest.frame(wholeFiles.url("/clip.mp4"), FrameParams.at(4.0)));

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).contains("cannot seek (it ignores Range requests)")
                    .contains("larger than the 16.0 MiB allowed: it announced 80.")
                    .contains("Raise the limit with --download-limit MIB");
            assertThat(downloadsLeft(limited)).isEmpty();
        }
    }

    @Test
    void aServerThatStallsAfterItsHeadersFailsTheJobAtTheReadTimeout() throws Exception {
        try (PlainHttpServer stalling = PlainHttpServer.serving(temp.resolve("videos"), Behaviour.STALL_AFTER_HEADERS)) {
            Job job = run(engine, JobRequest.frame(stalling.url("/clip.mp4"), FrameParams.at(4.0)));

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).contains("stopped sending: nothing came for 2 s after 0 bytes").contains("retry later");
        }
        assertThat(downloadsLeft(engine)).isEmpty();
    }
}
