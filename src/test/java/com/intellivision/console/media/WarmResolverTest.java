package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm resolver against the real yt-dlp (Debian's, a Python program) and real pages on loopback:
 * an {@code og:video} page, one that answers after a while, one that never answers.
 */
class WarmResolverTest {

    private static final YtDlpSettings REAL = YtDlpSettings.of("yt-dlp");

    private HttpServer server;
    private final AtomicInteger slowPagesAsked = new AtomicInteger();

    @BeforeEach
    void servePages() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/page", exchange -> answer(exchange, page()));
        server.createContext("/slow", exchange -> {
            slowPagesAsked.incrementAndGet();
            pause(1500);
            answer(exchange, page());
        });
        server.createContext("/stall", exchange -> pause(30_000));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServing() {
        server.stop(0);
    }

    @Test
    void answersAsTheYtDlpProgramDoesAndStaysUpForTheNextLink() throws Exception {
        YtDlp warm = new YtDlp(REAL);
        YtDlp program = YtDlp.programOnly(REAL);

        VideoSource fromWarm = warm.resolve(link("/page?a=1"));
        long pid = warm.warmPid().orElseThrow(() -> new AssertionError("no warm resolver ran"));
        VideoSource fromProgram = program.resolve(link("/page?a=1"));

        // yt-dlp draws a browser's User-Agent at random in each process, the program's two runs alike.
        assertThat(withoutUserAgent(fromWarm)).isEqualTo(withoutUserAgent(fromProgram));
        assertThat(fromWarm.httpHeaders()).containsKey("User-Agent");
        assertThat(fromWarm.input()).isEqualTo(link("/clip.mp4"));
        assertThat(warm.resolve(link("/page?a=2")).input()).isEqualTo(link("/clip.mp4"));
        assertThat(warm.warmPid()).as("the same process answers the next link").contains(pid);
        assertThat(program.warmPid()).isEmpty();
    }

    @Test
    void explainsAFailureAsTheProgramsErrorIsExplained() {
        String refused = "http://127.0.0.1:9/nothing-listens";
        assertThatThrownBy(() -> new YtDlp(REAL).resolve(refused)).isInstanceOf(MediaException.class)
                .hasMessage(catchMessage(() -> YtDlp.programOnly(REAL).resolve(refused)));
    }

    @Test
    void aResolverKilledWhileItWorksIsStartedAgainAndTheLinkStillResolves() throws Exception {
        YtDlp warm = new YtDlp(REAL);
        warm.resolve(link("/page?warm=1"));
        long first = warm.warmPid().orElseThrow();
        Thread killer = new Thread(() -> {
            while (slowPagesAsked.get() == 0) {
                pause(10);
            }
            ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly);
        });
        killer.start();

        VideoSource resolved = warm.resolve(link("/slow?b=1"));
        killer.join();

        assertThat(resolved.input()).isEqualTo(link("/clip.mp4"));
        assertThat(slowPagesAsked).as("asked again by a new resolver").hasValue(2);
        assertThat(warm.warmPid()).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void aResolverThatDoesNotAnswerInTimeIsStoppedAndTheNextLinkStillResolves() throws Exception {
        WarmResolver resolver = WarmResolver.forProgram("yt-dlp", Duration.ofSeconds(3)).orElseThrow();
        try {
            resolver.resolve(link("/page?c=0"), "best", null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> resolver.resolve(link("/stall"), "best", null)).isInstanceOf(MediaException.class)
                    .hasMessageContaining("did not answer within 3 s");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(resolver.pid()).as("the hung resolver was stopped").isEmpty();

            assertThat(resolver.resolve(link("/page?c=1"), "best", null).path("info").path("url").asText()).isEqualTo(link("/clip.mp4"));
        } finally {
            resolver.close();
        }
    }

    @Test
    void whereTheProgramsPythonCannotLoadTheModuleTheProgramIsRun(@TempDir Path folder) throws Exception {
        // Python without its site packages cannot import yt_dlp; the script then starts the real program.
        Path program = folder.resolve("yt-dlp");
        Files.writeString(program, "#!/usr/bin/python3 -S\nimport os, sys\nos.execvp('yt-dlp', ['yt-dlp'] + sys.argv[1:])\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        YtDlp ytDlp = new YtDlp(YtDlpSettings.of(program.toString()));

        assertThat(ytDlp.resolve(link("/page?d=1")).input()).isEqualTo(link("/clip.mp4"));
        assertThat(ytDlp.warmPid()).isEmpty();
        assertThatThrownBy(() -> WarmResolver.forProgram(program.toString(), Duration.ofSeconds(5)).orElseThrow()
                .resolve(link("/page?d=2"), "best", null)).isInstanceOf(WarmResolver.Unavailable.class)
                .hasMessageContaining("could not import yt_dlp");
    }

    @Test
    void findsPythonOnlyInAPythonProgramsFirstLine(@TempDir Path folder) throws Exception {
        Path shell = folder.resolve("shell");
        Files.writeString(shell, "#!/bin/sh\nexec yt-dlp \"$@\"\n");
        Path python = folder.resolve("python");
        Files.writeString(python, "#!/usr/bin/env python3\nprint()\n");

        assertThat(WarmResolver.interpreterOf(shell)).isEmpty();
        assertThat(WarmResolver.interpreterOf(python)).contains(List.of("/usr/bin/env", "python3"));
        assertThat(WarmResolver.isZipApplication(python)).isFalse();
        assertThat(WarmResolver.forProgram("/nonexistent/yt-dlp", Duration.ofSeconds(1))).isEmpty();
    }

    private static VideoSource withoutUserAgent(VideoSource source) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(source.httpHeaders());
        headers.remove("User-Agent");
        return new VideoSource(source.input(), headers, source.title(), source.resolvedBy(), source.thumbnailUrl(), source.storyboard());
    }

    private String page() {
        return "<html><head><title>Courtyard</title><meta property=\"og:title\" content=\"Courtyard\">"
                + "<meta property=\"og:video\" content=\"" + link("/clip.mp4") + "\"></head><body></body></html>";
    }

    private String link(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String catchMessage(ThrowingCall call) {
        try {
            call.run();
            throw new AssertionError("the program resolved what should fail");
        } catch (MediaException failed) {
            return failed.getMessage();
        }
    }

    private interface ThrowingCall {
        void run() throws MediaException;
    }
}
