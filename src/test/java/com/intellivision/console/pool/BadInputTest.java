package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input fails its own job with a message that says what happened and what to do,
 * and the single worker of the pool goes on to complete the next, good job.
 */
class BadInputTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static LoopbackHttpServer server;
    static LocalEngine engine;

    @BeforeAll
    static void startPoolAndServer() throws IOException {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        Path clip = TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 10, 25, 320, 180);
        byte[] whole = Files.readAllBytes(clip);
        Files.write(videos.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length * 2 / 5));
        Files.copy(clip, videos.resolve("clip.stream"));
        server = LoopbackHttpServer.serving(videos);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void malformedUrl() throws Exception {
        assertFailsThenPoolGoesOn(engine, "htp//not a url", 1.0, "is not a valid URL");
    }

    @Test
    void notFound() throws Exception {
        assertFailsThenPoolGoesOn(engine, server.url("/missing.mp4"), 1.0, "404 Not Found");
    }

    @Test
    void webPageInsteadOfVideo() throws Exception {
        assertFailsThenPoolGoesOn(engine, server.url(LoopbackHttpServer.WEB_PAGE), 1.0, "leads to a web page (text/html");
    }

    @Test
    void truncatedFile() throws Exception {
        assertFailsThenPoolGoesOn(engine, server.url("/truncated.mp4"), 1.0, "is incomplete: its index (moov atom) is missing");
    }

    @Test
    void timestampPastTheEnd() throws Exception {
        assertFailsThenPoolGoesOn(engine, server.url("/clip.mp4"), 60.0, "00:01:00 is past the end of the video, which is 00:00:10 long");
    }

    @Test
    void missingLocalFile() throws Exception {
        assertFailsThenPoolGoesOn(engine, temp.resolve("nowhere.mp4").toString(), 1.0, "does not exist");
    }

    @Test
    void ytDlpMissingFromPath() throws Exception {
        Path emptyBin = Files.createDirectories(temp.resolve("empty-bin"));
        PoolConfig withoutYtDlp = PoolConfig.defaults(temp.resolve("data-no-ytdlp")).withWorkerCount(1)
                .withWorkerEnvironment(Map.of("PATH", emptyBin.toString()));
        try (LocalEngine noYtDlp = LocalEngine.start(withoutYtDlp)) {
            Job failed = run(noYtDlp, server.url("/clip.stream"), 1.0);

            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).contains("yt-dlp could not be started").contains("sudo apt install yt-dlp");
            assertThat(run(noYtDlp, server.url("/clip.mp4"), 1.0).status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    private static void assertFailsThenPoolGoesOn(LocalEngine pool, String url, double at, String expectedMessage) throws Exception {
        Job failed = run(pool, url, at);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).contains(expectedMessage);
        assertThat(failed.results()).isNull();

        Job next = run(pool, server.url("/clip.mp4"), 2.0);
        assertThat(next.status()).as(next.error()).isEqualTo(JobStatus.COMPLETED);
    }

    private static Job run(LocalEngine pool, String url, double at) throws Exception {
        return pool.awaitTerminal(pool.submit(JobRequest.frame(url, FrameParams.at(at))).id(), TIMEOUT);
    }
}
