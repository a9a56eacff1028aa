package com.intellivision.console.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks yt-dlp where a page's video stream is ({@code yt-dlp -j}), without downloading the video.
 * yt-dlp knows YouTube and many other sites, and its generic extractor handles direct video links.
 */
public final class YtDlp {

    static final String INSTALL_HINT =
            "Install it with 'sudo apt install yt-dlp' (Debian/Ubuntu), 'brew install yt-dlp' (macOS) or "
                    + "'pip install yt-dlp', or set the path of the yt-dlp program in the console's settings.";

    /** Single-file formats first: FFmpeg then needs one connection; height capped to keep decoding cheap. */
    private static final String FORMAT = "best[height<=1080][vcodec!=none]/bestvideo[height<=1080]/best";

    private static final long TIMEOUT_SECONDS = 60;

    private final String command;
    private final ObjectMapper mapper = new ObjectMapper();

    public YtDlp(String command) {
        this.command = command;
    }

    public VideoSource resolve(String url) throws MediaException {
        List<String> args = new ArrayList<>(List.of(
                command, "-j", "--no-playlist", "--no-warnings", "--no-progress", "-f", FORMAT, url));
        Process process;
        try {
            process = new ProcessBuilder(args).start();
        } catch (IOException notStarted) {
            throw new MediaException("yt-dlp could not be started ('" + command + "' was not found). " + INSTALL_HINT,
                    notStarted);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MediaException("yt-dlp did not answer within " + TIMEOUT_SECONDS
                        + " s for " + url + ". Check the network connection and try again.");
            }
            if (process.exitValue() != 0) {
                throw new MediaException(explainFailure(url, stderr.join()));
            }
            return toSource(url, mapper.readTree(stdout.join()));
        } catch (IOException unreadable) {
            throw new MediaException("yt-dlp gave an answer that could not be read for " + url
                    + ". Update yt-dlp ('yt-dlp -U' or your package manager) and try again.", unreadable);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException("Resolving " + url + " was interrupted");
        }
    }

    private VideoSource toSource(String url, JsonNode info) throws MediaException {
        String streamUrl = info.path("url").asText("");
        if (streamUrl.isEmpty()) {
            throw new MediaException("yt-dlp found no single video stream for " + url
                    + ". The site may only offer separate audio and video parts; try another video.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        info.path("http_headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        String title = info.path("title").asText(url);
        return new VideoSource(streamUrl, headers, title, "yt-dlp");
    }

    /** Turns yt-dlp's last error line into what happened and what to do. */
    static String explainFailure(String url, String stderr) {
        String lower = stderr.toLowerCase(Locale.ROOT);
        String reason = lastErrorLine(stderr);
        if (lower.contains("private video")) {
            return "The video is private: " + url + ". Ask its owner for access or choose another video.";
        }
        if (lower.contains("confirm your age") || lower.contains("age-restricted") || lower.contains("inappropriate for some users")) {
            return "The video is age-restricted: " + url + ". Give yt-dlp a cookies file of a signed-in account, or choose another video.";
        }
        if (lower.contains("available in your country") || lower.contains("geo restrict") || lower.contains("geo-restrict")) {
            return "The video is blocked in this region: " + url + ". Choose another video.";
        }
        if (lower.contains("video unavailable") || lower.contains("this video is unavailable") || lower.contains("has been removed")) {
            return "The video is unavailable (removed or never existed): " + url + ". Check the link.";
        }
        if (lower.contains("http error 404") || lower.contains("404: not found")) {
            return "The server answered 404 Not Found for " + url + ". Check the link.";
        }
        if (lower.contains("unsupported url")) {
            return "No video was found at " + url + " (yt-dlp does not know this page). Check the link, or give a direct video URL.";
        }
        return "yt-dlp could not resolve " + url + ": " + reason
                + ". If the link plays in a browser, update yt-dlp ('yt-dlp -U' or your package manager) and try again.";
    }

    private static String lastErrorLine(String stderr) {
        String last = "no reason given";
        for (String line : stderr.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip().replaceFirst("^ERROR:\\s*", "");
            }
        }
        return last;
    }

    /** Drains a stream on its own thread, so a chatty process never blocks on a full pipe. */
    private static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        }, "yt-dlp-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
