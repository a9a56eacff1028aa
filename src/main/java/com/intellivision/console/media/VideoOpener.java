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

    private static final String NETWORK_TIMEOUT_MICROS = "20000000";

    static {
        FFmpegMessages.install();
    }

    private VideoOpener() {}

    /** A started grabber; the caller closes it. */
    static FFmpegFrameGrabber open(VideoSource source) throws MediaException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.input());
        if (source.isRemote()) {
            grabber.setOption("rw_timeout", NETWORK_TIMEOUT_MICROS);
            if (!source.httpHeaders().isEmpty()) {
                grabber.setOption("headers", headerLines(source.httpHeaders()));
            }
        }
        FFmpegMessages.clear();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception openFailure) {
            closeQuietly(grabber);
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
