package com.intellivision.console.media;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Finds out why FFmpeg could not open a video, so that the job says "404 Not Found" or "a web page,
 * not a video" rather than FFmpeg's "invalid data". Only runs after a failure, so it costs nothing
 * when all goes well.
 */
final class OpenFailureDiagnosis {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private OpenFailureDiagnosis() {}

    static MediaException explain(VideoSource source, Exception ffmpegError) {
        String ffmpegSays = FFmpegMessages.recent();
        String message = source.isRemote() ? explainRemote(source, ffmpegSays) : explainLocal(source, ffmpegSays);
        return new MediaException(message, ffmpegError);
    }

    private static String explainRemote(VideoSource source, String ffmpegSays) {
        String shown = source.title() == null ? source.input() : source.input();
        HttpResponse<Void> answer;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(PROBE_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(source.input()))
                    .timeout(PROBE_TIMEOUT)
                    .header("Range", "bytes=0-1023");
            source.httpHeaders().forEach((name, value) -> {
                if (!isRestricted(name)) {
                    request.header(name, value);
                }
            });
            answer = client.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException unreachable) {
            return "Could not connect to " + URI.create(source.input()).getHost()
                    + ". Check the link and the network connection, then retry.";
        } catch (IOException | IllegalArgumentException unreachable) {
            return "Could not read " + shown + ": " + describe(unreachable) + ". Check the link and the network connection, then retry.";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "Opening " + shown + " was interrupted";
        }
        int status = answer.statusCode();
        if (status == 404 || status == 410) {
            return "The server answered " + status + " Not Found for " + shown + ". Check the link.";
        }
        if (status == 401 || status == 403) {
            return "The server refused access (HTTP " + status + ") to " + shown
                    + ". The link may have expired or need signing in; get a fresh link and retry.";
        }
        if (status == 416) {
            // Asked for its first bytes, the server says there are none.
            return "The file at " + shown + " is empty: the server has no bytes of it to send. Check that its upload or copy "
                    + "finished, then submit it again.";
        }
        if (status >= 400) {
            return "The server answered HTTP " + status + " for " + shown + ". Retry later, or check the link.";
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("text/html") || contentType.startsWith("application/xhtml")) {
            return "The link " + shown + " leads to a web page (" + contentType + "), not a video. "
                    + "Give the link of the video itself, or the page of a site yt-dlp knows, such as YouTube.";
        }
        if (contentType.startsWith("text/") || contentType.startsWith("image/") || contentType.contains("json")) {
            return "The link " + shown + " serves " + contentType + ", not a video. Check the link.";
        }
        return notAVideo(shown, ffmpegSays);
    }

    private static String explainLocal(VideoSource source, String ffmpegSays) {
        Path file = Path.of(source.input());
        try {
            if (Files.size(file) == 0) {
                return "The file " + file + " is empty. Choose another file.";
            }
        } catch (IOException unreadable) {
            return "The file " + file + " cannot be read: " + describe(unreadable) + ".";
        }
        // FFmpeg says "moov atom not found" of any file named .mp4; only a real MP4 starts with an ftyp box.
        return notAVideo(file.toString(), startsLikeMp4(file) ? ffmpegSays : ffmpegSays.replace("moov atom not found", "not an MP4"));
    }

    private static boolean startsLikeMp4(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ftyp");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String notAVideo(String shown, String ffmpegSays) {
        if (ffmpegSays.contains("moov atom not found")) {
            return shown + " is incomplete: its index (moov atom) is missing, which usually means a truncated "
                    + "download or a recording that was not finished. Get the whole file and retry.";
        }
        String detail = ffmpegSays.isEmpty() ? "" : " (FFmpeg: " + ffmpegSays + ")";
        return shown + " is not a video that can be read: it is damaged, incomplete or in an unknown format"
                + detail + ". Check that it plays in a video player.";
    }

    private static boolean isRestricted(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("host") || name.equals("connection") || name.equals("content-length")
                || name.equals("expect") || name.equals("upgrade");
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
