package com.intellivision.console.media;

import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Opens a video with FFmpeg as workers need it: over HTTP with the headers the stream's server expects
 * and a network timeout, and when FFmpeg cannot open it, with {@link OpenFailureDiagnosis}'s account of why.
 */
final class VideoOpener {

    /** FFmpeg's AVERROR(ETIMEDOUT) on Linux, what its reads return when the timeout passes. */
    private static final int ETIMEDOUT = -110;

    static {
        FFmpegMessages.install();
    }

    private VideoOpener() {}

    /**
     * A started grabber; the caller closes it.
     *
     * @param readTimeout how long FFmpeg's HTTP reading waits for a silent server before failing
     */
    static FFmpegFrameGrabber open(VideoSource source, java.time.Duration readTimeout) throws MediaException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.input());
        if (source.isRemote()) {
            // Both in microseconds: rw_timeout for every protocol's reads, timeout for the HTTP/TCP socket itself.
            String micros = Long.toString(readTimeout.toNanos() / 1000);
            grabber.setOption("rw_timeout", micros);
            grabber.setOption("timeout", micros);
            if (!source.httpHeaders().isEmpty()) {
                grabber.setOption("headers", headerLines(source.httpHeaders()));
            }
        }
        FFmpegMessages.clear();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception openFailure) {
            closeQuietly(grabber);
            if (source.isRemote() && String.valueOf(openFailure.getMessage()).contains("error " + ETIMEDOUT + ":")) {
                throw new MediaException(ServerWords.server(source) + " stopped sending: nothing came for " + PacedInput.seconds(readTimeout)
                        + " (reading " + source.title() + "). " + ServerWords.RETRY_ADVICE, openFailure);
            }
            throw OpenFailureDiagnosis.explain(source, openFailure);
        }
        String format = grabber.getFormat() == null ? "" : grabber.getFormat();
        // FFmpeg opens a still picture as a one-frame stream; said plainly, rather than as a video that "ends early".
        if (format.equals("image2") || format.endsWith("_pipe")) {
            closeQuietly(grabber);
            throw new MediaException(source.title() + " is a still image (" + format.replace("_pipe", "").toUpperCase(java.util.Locale.ROOT)
                    + "), not a video. Submit the video itself, or the page of a site yt-dlp knows, such as YouTube.");
        }
        return grabber;
    }

    private static String headerLines(Map<String, String> headers) {
        return headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue() + "\r\n")
                .collect(Collectors.joining());
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Already failing; the open error is the one worth reporting.
        }
    }
}
