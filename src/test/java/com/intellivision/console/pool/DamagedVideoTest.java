package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos that are not whole: a file with no video track, and one with garbage in its middle. */
class DamagedVideoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static Path corrupt;
    static LocalEngine engine;

    @BeforeAll
    static void start() throws Exception {
        corrupt = SampleVideos.damagedInTheMiddle(temp.resolve("corrupt.mp4"), 8);
        engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aFileWithOnlySoundFailsSayingItHasNoVideoTrack() throws Exception {
        Path audio = SampleVideos.audioOnly(temp.resolve("voice.m4a"));

        Job job = run(audio, 0.5);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("has no video track (it may be audio only)");
    }

    @Test
    void aFrameAfterADamagedStretchCompletesWithAWarning() throws Exception {
        Job damaged = run(corrupt, 4.5);
        Job before = run(corrupt, 0.5);

        assertThat(damaged.status()).as(damaged.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(damaged.results().get("warnings").get(0).asText())
                .startsWith("The video is damaged near 00:00:04.500 (FFmpeg: ")
                .contains("NAL unit")
                .endsWith("the first frame that could be decoded after it is at 00:00:06.");
        assertThat(TestVideos.frameNumberOf(Path.of(damaged.outputImage()))).isEqualTo(150);
        assertThat(before.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(before.results().has("warnings")).isFalse();
        assertThat(TestVideos.frameNumberOf(Path.of(before.outputImage()))).as("the first frame at or after 0.5 s").isEqualTo(13);
    }

    private static Job run(Path video, double at) throws Exception {
        return engine.awaitTerminal(engine.submit(JobRequest.frame(video.toString(), FrameParams.at(at))).id(), TIMEOUT);
    }
}
