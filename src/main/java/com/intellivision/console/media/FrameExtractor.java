package com.intellivision.console.media;

import com.intellivision.console.job.Timecode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Takes one frame out of a video by seeking, never by reading the whole file: over HTTP, FFmpeg reads
 * the index and then only the bytes from the keyframe before the asked time, using Range requests.
 */
public final class FrameExtractor {

    /** Fraction of the video's length used when no timestamp is given. */
    public static final double DEFAULT_POSITION = 0.1;

    private static final String NETWORK_TIMEOUT_MICROS = "20000000";

    static {
        FFmpegMessages.install();
    }

    /**
     * @param atSeconds where to take the frame; null for a tenth of the way in
     * @param output the image to write; its extension ({@code .png} or {@code .jpg}) chooses the format
     */
    public ExtractedFrame extract(VideoSource source, Double atSeconds, Path output, Progress progress) throws MediaException {
        progress.report(10, "opening video");
        try (FFmpegFrameGrabber grabber = open(source)) {
            if (!grabber.hasVideo()) {
                throw new MediaException(source.title() + " has no video track (it may be audio only). Choose a video.");
            }
            double duration = Math.max(0, grabber.getLengthInTime() / 1_000_000.0);
            double target = atSeconds != null ? atSeconds : duration * DEFAULT_POSITION;
            if (duration > 0 && target >= duration) {
                throw new MediaException("The timestamp " + Timecode.format(target) + " is past the end of the video, which is "
                        + Timecode.format(duration) + " long. Choose an earlier time.");
            }
            progress.report(40, "seeking to " + Timecode.format(target));
            Frame frame = seekAndGrab(grabber, source, target);
            progress.report(80, "writing image");
            ImageEncoder.write(frame, output);
            return new ExtractedFrame(output, frame.imageWidth, frame.imageHeight, frame.timestamp / 1_000_000.0, duration);
        } catch (FrameGrabber.Exception closeFailure) {
            throw new MediaException("The video " + source.title() + " could not be closed cleanly: " + closeFailure.getMessage(), closeFailure);
        }
    }

    private static FFmpegFrameGrabber open(VideoSource source) throws MediaException {
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
            return grabber;
        } catch (FrameGrabber.Exception openFailure) {
            closeQuietly(grabber);
            throw OpenFailureDiagnosis.explain(source, openFailure);
        }
    }

    private static Frame seekAndGrab(FFmpegFrameGrabber grabber, VideoSource source, double targetSeconds) throws MediaException {
        FFmpegMessages.clear();
        try {
            // javacv seeks to the keyframe before and decodes forward to the exact frame.
            grabber.setTimestamp(Math.round(targetSeconds * 1_000_000));
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                throw new MediaException("No frame could be decoded at " + Timecode.format(targetSeconds) + " of " + source.title()
                        + ": the video ends early or is damaged there" + ffmpegDetail() + ". Try an earlier time or another copy of the video.");
            }
            return frame;
        } catch (FrameGrabber.Exception decodeFailure) {
            throw new MediaException("The video " + source.title() + " could not be decoded at " + Timecode.format(targetSeconds)
                    + ": " + decodeFailure.getMessage() + ffmpegDetail() + ". It may be damaged; try another time or another copy.", decodeFailure);
        }
    }

    private static String headerLines(Map<String, String> headers) {
        return headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue() + "\r\n")
                .collect(Collectors.joining());
    }

    private static String ffmpegDetail() {
        String recent = FFmpegMessages.recent();
        return recent.isEmpty() ? "" : " (FFmpeg: " + recent + ")";
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Already failing; the open error is the one worth reporting.
        }
    }
}
