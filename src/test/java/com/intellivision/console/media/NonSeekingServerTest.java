package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.PlainHttpServer;
import com.intellivision.console.testsupport.PlainHttpServer.Behaviour;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos on servers as they are in the wild, on 127.0.0.1: one that ignores Range (its MP4 has its
 * index at the end, as encoders leave it unless told otherwise), and ones that stall, trickle or send
 * less than they announced. The read timeout is a second, so that each ends within seconds.
 */
class NonSeekingServerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final int FPS = 25;

    @TempDir
    static Path temp;

    static Path videos;
    static long clipBytes;

    @BeforeAll
    static void makeVideo() throws IOException {
        videos = Files.createDirectories(temp.resolve("videos"));
        // 10 s, padded by 9 MiB before its index, so that a download reports progress along the way.
        Path clip = TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 10, FPS, 320, 180);
        TestVideos.padBeforeIndex(clip, 9L << 20);
        clipBytes = Files.size(clip);
    }

    private static VideoSource direct(String url) {
        return new VideoSource(url, Map.of(), "clip.mp4", "direct");
    }

    private static NetworkReading reading(Path folder, long limitBytes) {
        return new NetworkReading(READ_TIMEOUT, limitBytes, folder);
    }

    private static List<Path> leftIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void ffmpegAloneCannotOpenTheVideo() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE)) {
            assertThatThrownBy(() -> new FrameExtractor(READ_TIMEOUT).extract(direct(server.url("/clip.mp4")), FrameParams.at(3.0),
                    index -> temp.resolve("unreachable.png"), Progress.NONE))
                    .isInstanceOf(MediaException.class);
        }
    }

    @Test
    void downloadsTheWholeVideoThenTakesTheFrameAskedFor() throws Exception {
        Path downloads = temp.resolve("downloads-whole");
        List<Double> percentages = new CopyOnWriteArrayList<>();
        List<String> stages = new CopyOnWriteArrayList<>();
        Progress recording = (percentage, stage, details) -> {
            percentages.add(percentage);
            stages.add(stage);
        };
        Path frame = temp.resolve("frames/whole.png");
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE);
                ReadableSource readable = ReadableSource.prepare(direct(server.url("/clip.mp4")),
                        reading(downloads, NetworkReading.DEFAULT_SPOOL_LIMIT_BYTES), recording, 5, 10)) {
            assertThat(readable.source().isRemote()).isFalse();
            assertThat(Files.size(Path.of(readable.source().input()))).isEqualTo(clipBytes);
            assertThat(readable.warning()).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("does not support seeking").contains(Sizes.of(clipBytes) + " read in"));

            List<ExtractedFrame> frames = new FrameExtractor(READ_TIMEOUT).extract(readable.source(), FrameParams.at(3.0),
                    index -> frame, Progress.NONE);

            assertThat(TestVideos.frameNumberOf(frames.get(0).file())).isEqualTo(3 * FPS);
            assertThat(server.rangeHeaders()).hasSize(1);
        }
        // Reported every 4 MiB or every second, whichever comes first.
        assertThat(stages).anyMatch(stage -> stage.matches("downloading the whole video \\(its server cannot seek\\): [\\d.]+ MiB of "
                + Pattern.quote(Sizes.of(clipBytes))));
        assertThat(percentages).isSorted().allMatch(percentage -> percentage >= 5 && percentage <= 10);
        assertThat(leftIn(downloads)).as("the download is removed once the frame is taken").isEmpty();
    }

    @Test
    void downloadsAVideoWhoseLengthWasNotAnnounced() throws Exception {
        Path downloads = temp.resolve("downloads-unannounced");
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE_UNANNOUNCED);
                ReadableSource readable = ReadableSource.prepare(direct(server.url("/clip.mp4")),
                        reading(downloads, NetworkReading.DEFAULT_SPOOL_LIMIT_BYTES), Progress.NONE, 5, 10)) {
            List<ExtractedFrame> frames = new FrameExtractor(READ_TIMEOUT).extract(readable.source(), FrameParams.at(7.0),
                    index -> temp.resolve("frames/unannounced.png"), Progress.NONE);

            assertThat(TestVideos.frameNumberOf(frames.get(0).file())).isEqualTo(7 * FPS);
        }
        assertThat(leftIn(downloads)).isEmpty();
    }

    @Test
    void refusesAnAnnouncedVideoLargerThanTheLimitWithoutReadingIt() throws Exception {
        Path downloads = temp.resolve("downloads-announced-limit");
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE)) {
            assertThatThrownBy(() -> ReadableSource.prepare(direct(server.url("/clip.mp4")), reading(downloads, 1L << 20), Progress.NONE, 5, 10))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("cannot seek (it ignores Range requests)")
                    .hasMessageContaining("larger than the 1.0 MiB allowed: it announced " + Sizes.of(clipBytes) + ", so nothing was read")
                    .hasMessageContaining("Raise the limit with --download-limit MIB");
        }
        assertThat(leftIn(downloads)).isEmpty();
    }

    @Test
    void stopsAnUnannouncedVideoAtTheLimit() throws Exception {
        Path downloads = temp.resolve("downloads-unannounced-limit");
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE_UNANNOUNCED)) {
            assertThatThrownBy(() -> ReadableSource.prepare(direct(server.url("/clip.mp4")), reading(downloads, 1L << 20), Progress.NONE, 5, 10))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("cannot seek")
                    .hasMessageMatching("(?s).*larger than the 1\\.0 MiB allowed: 1\\.\\d MiB were read before stopping.*")
                    .hasMessageContaining("--download-limit");
        }
        assertThat(leftIn(downloads)).isEmpty();
    }

    @Test
    void aServerThatCanSeekIsReadAsItIs() throws Exception {
        Path downloads = temp.resolve("downloads-seeking");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(videos);
                ReadableSource readable = ReadableSource.prepare(direct(server.url("/clip.mp4")),
                        reading(downloads, NetworkReading.DEFAULT_SPOOL_LIMIT_BYTES), Progress.NONE, 5, 10)) {
            assertThat(readable.source().input()).isEqualTo(server.url("/clip.mp4"));
            assertThat(readable.warning()).isEmpty();
        }
        assertThat(leftIn(downloads)).isEmpty();
    }

    @Test
    void aCancelDuringTheDownloadStopsItAndRemovesTheFile() throws Exception {
        Path downloads = temp.resolve("downloads-cancelled");
        Progress cancelAtFirstFigure = (percentage, stage, details) -> {
            if (stage.contains(" MiB")) {
                throw new CancellationException("cancelled");
            }
        };
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.WHOLE_FILE)) {
            assertThatThrownBy(() -> ReadableSource.prepare(direct(server.url("/clip.mp4")),
                    reading(downloads, NetworkReading.DEFAULT_SPOOL_LIMIT_BYTES), cancelAtFirstFigure, 5, 10))
                    .isInstanceOf(CancellationException.class);
        }
        assertThat(leftIn(downloads)).isEmpty();
    }

    @Test
    void aStartingWorkerRemovesOnlyWhatDeadWorkersLeft() throws Exception {
        Path downloads = Files.createDirectories(temp.resolve("downloads-leftovers"));
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path deadWorkers = Files.createFile(downloads.resolve(ended.pid() + "-1234.spool.mp4"));
        Path ours = Files.createFile(downloads.resolve(ProcessHandle.current().pid() + "-5678.spool.mp4"));
        Path notADownload = Files.createFile(downloads.resolve("notes.txt"));

        ReadableSource.removeLeftovers(downloads);

        assertThat(deadWorkers).doesNotExist();
        assertThat(ours).exists();
        assertThat(notADownload).exists();
    }

    @Test
    void aServerThatNeverAnswersEndsAtTheTimeout() throws Exception {
        assertEndsWith(Behaviour.NO_ANSWER, "accepted the connection but did not answer within 1 s");
    }

    @Test
    void aServerThatStallsAfterItsHeadersEndsAtTheTimeout() throws Exception {
        assertEndsWith(Behaviour.STALL_AFTER_HEADERS, "stopped sending: nothing came for 1 s after 0 bytes, of the " + Sizes.of(clipBytes) + " it announced");
    }

    @Test
    void aServerThatTricklesEndsAtTheTimeout() throws Exception {
        assertEndsWith(Behaviour.TRICKLE, "sends too slowly: only ");
    }

    @Test
    void aServerThatSendsLessThanItAnnouncedEndsAtTheTimeout() throws Exception {
        assertEndsWith(Behaviour.SHORT_BODY, "stopped sending: nothing came for 1 s after " + Sizes.of(clipBytes / 3) + ", of the " + Sizes.of(clipBytes) + " it announced");
    }

    @Test
    void ffmpegsOwnReadingEndsAtTheTimeoutToo() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.serving(videos, Behaviour.STALL_AFTER_HEADERS)) {
            assertThatThrownBy(() -> new FrameExtractor(READ_TIMEOUT).extract(direct(server.url("/clip.mp4")), FrameParams.at(3.0),
                    index -> temp.resolve("stalled.png"), Progress.NONE))
                    .isInstanceOf(MediaException.class)
                    .hasMessageStartingWith("The server at 127.0.0.1:")
                    .hasMessageContaining("stopped sending: nothing came for 1 s (reading clip.mp4)");
        }
    }

    private static void assertEndsWith(Behaviour behaviour, String expected) throws Exception {
        Path downloads = temp.resolve("downloads-" + behaviour);
        try (PlainHttpServer server = PlainHttpServer.serving(videos, behaviour)) {
            assertThatThrownBy(() -> ReadableSource.prepare(direct(server.url("/clip.mp4")),
                    reading(downloads, NetworkReading.DEFAULT_SPOOL_LIMIT_BYTES), Progress.NONE, 5, 10))
                    .isInstanceOf(MediaException.class)
                    .hasMessageStartingWith("The server at 127.0.0.1:")
                    .hasMessageContaining(expected)
                    .hasMessageContaining("retry later, or use another copy of the video");
        }
        assertThat(leftIn(downloads)).isEmpty();
    }
}
