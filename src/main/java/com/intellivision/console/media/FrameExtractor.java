package com.intellivision.console.media;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Timecode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Takes one frame out of a video by seeking, never by reading the whole file: over HTTP, FFmpeg reads
 * the index and then only the bytes from the keyframe before the asked time, using Range requests.
 */
public final class FrameExtractor {

    static {
        FFmpegMessages.install();
    }

    private final java.time.Duration readTimeout;

    public FrameExtractor() {
        this(NetworkReading.DEFAULT_READ_TIMEOUT);
    }

    /** @param readTimeout how long a silent server is waited for */
    public FrameExtractor(java.time.Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * Loads every library a frame job touches and runs the PNG encoder once, so that the first job of a
     * new worker is as quick as the rest (about 140 ms sooner, for some 20 MiB it would take anyway).
     */
    public static void warmUp() {
        try {
            FFmpegFrameGrabber.tryLoad();
            FFmpegFrameRecorder.tryLoad();
            Path scratch = Files.createTempFile("warm-up", ".png");
            try {
                ImageEncoder.write(new Frame(64, 36, Frame.DEPTH_UBYTE, 3), scratch);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (Exception | LinkageError notWarm) {
            // Only a speed-up: the first job will load what it needs, or report what is missing.
        }
    }

    /**
     * Takes every frame {@code params} asks for (one, or a filmstrip) from one open stream, in order.
     *
     * @param outputFor the image file of the i-th frame; its extension ({@code .png}, {@code .jpg}) sets the format
     */
    public List<ExtractedFrame> extract(VideoSource source, FrameParams params, IntFunction<Path> outputFor, Progress progress)
            throws MediaException {
        return extract(source, params, outputFor, null, progress);
    }

    /**
     * As {@link #extract(VideoSource, FrameParams, IntFunction, Progress)}, and where frames are made
     * smaller than the video ({@code params.width()}), also writes each at the video's own size to
     * {@code fullSizeFor}: both from the one decoded picture, so the full frame costs one encoding more.
     *
     * @param fullSizeFor the full-size image file of the i-th frame, or null for none
     */
    public List<ExtractedFrame> extract(VideoSource source, FrameParams params, IntFunction<Path> outputFor, IntFunction<Path> fullSizeFor,
            Progress progress) throws MediaException {
        progress.report(10, "opening video");
        try (FFmpegFrameGrabber grabber = VideoOpener.open(source, readTimeout)) {
            if (!grabber.hasVideo()) {
                throw new MediaException(source.title() + " has no video track (it may be audio only). Choose a video.");
            }
            boolean keepFullSize = fullSizeFor != null && params.width() != null;
            if (params.width() != null && !keepFullSize) {
                scaleTo(grabber, params.width());
            }
            double duration = Math.max(0, grabber.getLengthInTime() / 1_000_000.0);
            List<Double> timestamps = params.timestamps(duration);
            for (double target : timestamps) {
                if (duration > 0 && target >= duration) {
                    throw new MediaException("The timestamp " + Timecode.format(target) + " is past the end of the video, which is "
                            + Timecode.format(duration) + " long. Choose an earlier time.");
                }
            }
            if (params.isFilmstrip() && duration == 0) {
                throw new MediaException("The length of " + source.title() + " is unknown (a live stream?), so it cannot be cut "
                        + "into a filmstrip. Ask for single frames at given times instead.");
            }
            List<ExtractedFrame> frames = new ArrayList<>(timestamps.size());
            for (int i = 0; i < timestamps.size(); i++) {
                double target = timestamps.get(i);
                progress.report(15 + 80.0 * i / timestamps.size(), stage(i, timestamps.size(), target));
                Frame frame = seekAndGrab(grabber, source, target);
                Path output = outputFor.apply(i);
                String damage = FFmpegMessages.recent();
                frames.add(keepFullSize ? writeBothSizes(frame, output, fullSizeFor.apply(i), params, target, duration, damage)
                        : writeOne(frame, output, params, target, duration, damage));
            }
            return frames;
        } catch (FrameGrabber.Exception closeFailure) {
            throw new MediaException("The video " + source.title() + " could not be closed cleanly: " + closeFailure.getMessage(), closeFailure);
        }
    }

    private static ExtractedFrame writeOne(Frame frame, Path output, FrameParams params, double target, double duration, String damage)
            throws MediaException {
        ImageEncoder.write(frame, output, params.jpegQuality());
        return new ExtractedFrame(output, frame.imageWidth, frame.imageHeight, target, frame.timestamp / 1_000_000.0, duration,
                damage.isEmpty() ? null : damage);
    }

    /** The frame at the asked width, and at its own size unless that is no larger, when the one file is both. */
    private static ExtractedFrame writeBothSizes(Frame frame, Path output, Path fullSize, FrameParams params, double target, double duration,
            String damage) throws MediaException {
        int width = params.width();
        if (frame.imageWidth <= width) {
            ImageEncoder.write(frame, output, params.jpegQuality());
            return new ExtractedFrame(output, frame.imageWidth, frame.imageHeight, target, frame.timestamp / 1_000_000.0, duration,
                    damage.isEmpty() ? null : damage, output, frame.imageWidth, frame.imageHeight);
        }
        int height = evenHeight(width, frame.imageWidth, frame.imageHeight);
        ImageEncoder.write(frame, output, params.jpegQuality(), width, height);
        ImageEncoder.write(frame, fullSize, params.jpegQuality());
        return new ExtractedFrame(output, width, height, target, frame.timestamp / 1_000_000.0, duration, damage.isEmpty() ? null : damage,
                fullSize, frame.imageWidth, frame.imageHeight);
    }

    /** The height that keeps the picture's shape at {@code width}, even as H.264 and JPEG's chroma want it. */
    private static int evenHeight(int width, int sourceWidth, int sourceHeight) {
        return Math.max(2, (int) Math.round((double) width * sourceHeight / sourceWidth / 2) * 2);
    }

    private static String stage(int index, int count, double target) {
        String at = "seeking to " + Timecode.format(target);
        return count == 1 ? at : "frame " + (index + 1) + " of " + count + ", " + at;
    }

    /** FFmpeg scales while converting the decoded picture, so a smaller frame costs nothing extra. */
    private static void scaleTo(FFmpegFrameGrabber grabber, int width) {
        int sourceWidth = grabber.getImageWidth();
        int sourceHeight = grabber.getImageHeight();
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            return;
        }
        int height = evenHeight(width, sourceWidth, sourceHeight);
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
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

    private static String ffmpegDetail() {
        String recent = FFmpegMessages.recent();
        return recent.isEmpty() ? "" : " (FFmpeg: " + recent + ")";
    }
}
