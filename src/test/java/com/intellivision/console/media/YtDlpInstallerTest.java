package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.testsupport.LoopbackHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing yt-dlp from a loopback server laid out like yt-dlp's release downloads. */
class YtDlpInstallerTest {

    private static final String RELEASE = "/yt-dlp/yt-dlp/releases/latest/download/";
    private static final String PROGRAM = "#!/bin/sh\necho 2026.11.20\n";

    @TempDir
    Path temp;

    @Test
    void installsTheReleaseWhoseChecksumMatchesAndItRuns() throws Exception {
        String asset = YtDlpInstaller.assetFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path site = release(asset, PROGRAM, sha256(PROGRAM));
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(site)) {
            Path installed = new YtDlpInstaller(URI.create(server.url(RELEASE))).install(temp.resolve("bin"));

            assertThat(installed).isEqualTo(temp.resolve("bin").resolve(YtDlpInstaller.programName()));
            assertThat(ProcessRun.of(List.of(installed.toString(), "--version"), Duration.ofSeconds(10)).stdout()).isEqualTo("2026.11.20\n");
            assertThat(new YtDlp(installed.toString()).releaseDate()).get().hasToString("2026-11-20");
            assertThat(Files.list(temp.resolve("bin"))).containsExactly(installed);
        }
    }

    @Test
    void refusesADownloadThatDoesNotMatchItsChecksumAndLeavesNothing() throws Exception {
        String asset = YtDlpInstaller.assetFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path site = release(asset, PROGRAM, sha256("something else"));
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(site)) {
            assertThatThrownBy(() -> new YtDlpInstaller(URI.create(server.url(RELEASE))).install(temp.resolve("bin")))
                    .hasMessageContaining("does not match its published checksum");
            assertThat(Files.list(temp.resolve("bin"))).isEmpty();
        }
    }

    @Test
    void saysSoWhenTheReleaseIsMissing() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(Files.createDirectories(temp.resolve("empty")))) {
            assertThatThrownBy(() -> new YtDlpInstaller(URI.create(server.url(RELEASE))).install(temp.resolve("bin")))
                    .hasMessageContaining("answered HTTP 404");
        }
    }

    @Test
    void picksTheBuildForEachPlatform() {
        assertThat(YtDlpInstaller.assetFor("Linux", "amd64")).isEqualTo("yt-dlp_linux");
        assertThat(YtDlpInstaller.assetFor("Linux", "aarch64")).isEqualTo("yt-dlp_linux_aarch64");
        assertThat(YtDlpInstaller.assetFor("Mac OS X", "aarch64")).isEqualTo("yt-dlp_macos");
        assertThat(YtDlpInstaller.assetFor("Windows 11", "amd64")).isEqualTo("yt-dlp.exe");
        assertThat(YtDlpInstaller.findSum("abc  yt-dlp\n" + "a".repeat(64) + "  yt-dlp_linux\n", "yt-dlp_linux")).contains("a".repeat(64));
    }

    private Path release(String asset, String program, String sum) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("site" + RELEASE));
        Files.writeString(folder.resolve(asset), program);
        Files.writeString(folder.resolve("yt-dlp"), "a zipapp that should not be chosen");
        Files.writeString(folder.resolve(YtDlpInstaller.SUMS), sha256("x") + "  yt-dlp\n" + sum + "  " + asset + "\n");
        return temp.resolve("site");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
