package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolutions shared through a folder, as a pool's workers share them: a stand-in yt-dlp (a shell
 * script, which counts how often it runs) answers with a stream link that expires as YouTube's do.
 */
class SharedResolutionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String PAGE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @TempDir Path folder;
    private Path runs;
    private Path program;

    @BeforeEach
    void standInYtDlp() throws Exception {
        runs = folder.resolve("runs");
        program = folder.resolve("yt-dlp");
        long expire = NOW.plus(Duration.ofHours(6)).getEpochSecond();
        Files.writeString(program, "#!/bin/sh\necho run >> " + runs + "\n"
                + "echo '{\"url\": \"https://rr1.googlevideo.com/videoplayback?expire=" + expire + "&id=1\", \"title\": \"Courtyard\"}'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aLinkOneWorkerResolvedIsNotResolvedAgainByTheNext() throws Exception {
        SharedResolutions shared = new SharedResolutions(folder.resolve("resolved"), clockAt(NOW));
        VideoSource first = worker(shared, NOW).resolve(PAGE);
        VideoSource second = worker(new SharedResolutions(folder.resolve("resolved"), clockAt(NOW.plusSeconds(60))), NOW.plusSeconds(60))
                .resolve(PAGE);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllLines(runs)).as("yt-dlp runs").hasSize(1);
    }

    @Test
    void aResolutionIsKeptUntilShortlyBeforeItsStreamLinkExpires() throws Exception {
        Path resolved = folder.resolve("resolved");
        worker(new SharedResolutions(resolved, clockAt(NOW)), NOW).resolve(PAGE);
        Instant stillGood = NOW.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(55));
        Instant nearTheEnd = NOW.plus(Duration.ofHours(6)).minus(Duration.ofMinutes(1));

        worker(new SharedResolutions(resolved, clockAt(stillGood)), stillGood).resolve(PAGE);
        assertThat(Files.readAllLines(runs)).as("five hours on, long past five minutes").hasSize(1);
        worker(new SharedResolutions(resolved, clockAt(nearTheEnd)), nearTheEnd).resolve(PAGE);
        assertThat(Files.readAllLines(runs)).as("a minute before the link expires").hasSize(2);
    }

    @Test
    void aDamagedFileIsIgnoredAndExpiredOnesAreRemoved() throws Exception {
        Path resolved = folder.resolve("resolved");
        SharedResolutions shared = new SharedResolutions(resolved, clockAt(NOW));
        worker(shared, NOW).resolve(PAGE);
        List<Path> kept;
        try (var files = Files.list(resolved)) {
            kept = files.toList();
        }
        assertThat(kept).hasSize(1);
        Files.writeString(kept.get(0), "{\"until\": \"2026-12-02T1");

        worker(new SharedResolutions(resolved, clockAt(NOW)), NOW).resolve(PAGE);
        assertThat(Files.readAllLines(runs)).as("resolved again, and kept whole").hasSize(2);

        new SharedResolutions(resolved, clockAt(NOW.plus(Duration.ofDays(1)))).removeExpired();
        try (var files = Files.list(resolved)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void streamLinksSayWhenTheyExpireOrAreKeptFiveMinutes() {
        long in6h = NOW.plus(Duration.ofHours(6)).getEpochSecond();
        assertThat(SharedResolutions.expiryOf("https://rr1.googlevideo.com/videoplayback?id=1&expire=" + in6h + "&ei=x", NOW))
                .isEqualTo(Instant.ofEpochSecond(in6h).minus(SharedResolutions.MARGIN));
        assertThat(SharedResolutions.expiryOf("https://manifest.googlevideo.com/api/manifest/hls_playlist/expire/" + in6h + "/ei/x/index.m3u8", NOW))
                .isEqualTo(Instant.ofEpochSecond(in6h).minus(SharedResolutions.MARGIN));
        assertThat(SharedResolutions.expiryOf("http://127.0.0.1:9/clip.mp4", NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(SharedResolutions.expiryOf("https://example.com/v.mp4?expire=" + NOW.plus(Duration.ofDays(30)).getEpochSecond(), NOW))
                .as("never longer than twelve hours").isEqualTo(NOW.plus(Duration.ofHours(12)));
    }

    private YtDlp worker(SharedResolutions shared, Instant now) {
        return new YtDlp(YtDlpSettings.of(program.toString()), shared, clockAt(now));
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
