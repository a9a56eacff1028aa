package com.intellivision.console.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes a decoded frame as a PNG or JPEG with FFmpeg's own image encoders: as fast as OpenCV's and
 * already loaded, so a worker that only extracts frames never pays OpenCV's memory.
 */
final class ImageEncoder {

    /** FFmpeg's JPEG quality scale runs from 2 (best) to 31 (worst). */
    private static final int BEST_QSCALE = 2;
    private static final int WORST_QSCALE = 31;

    private ImageEncoder() {}

    static void write(Frame frame, Path output) throws MediaException {
        write(frame, output, 92);
    }

    static void write(Frame frame, Path output, int jpegQuality) throws MediaException {
        write(frame, output, jpegQuality, frame.imageWidth, frame.imageHeight);
    }

    /**
     * Writes beside the target, then moves it into place: a reader never sees half an image. A size
     * other than the frame's is scaled to by FFmpeg's encoder (area averaging, which keeps a small
     * picture sharp without flicker).
     */
    static void write(Frame frame, Path output, int jpegQuality, int width, int height) throws MediaException {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Path partial = output.resolveSibling(name.substring(0, dot) + ".part." + extension);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            encode(frame, partial, extension, jpegQuality, width, height);
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            deleteQuietly(partial);
            Path folder = output.toAbsolutePath().getParent();
            if (isDiskFull(failure, folder)) {
                throw new MediaException("The disk is full: the frame could not be written to " + folder + " (" + freeSpace(folder)
                        + " free). Free some space there, or choose another data directory with --data-dir, then retry the job.", failure);
            }
            throw new MediaException("The frame could not be written to " + output + ": " + failure.getMessage()
                    + ". Check the disk space and permissions.", failure);
        }
    }

    /** FFmpeg reports a full disk only as error -28 (ENOSPC); Java as "No space left on device". */
    private static boolean isDiskFull(IOException failure, Path folder) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("error -28 ") || message.contains("No space left on device")) {
            return true;
        }
        try {
            return Files.getFileStore(folder).getUsableSpace() == 0;
        } catch (IOException unknown) {
            return false;
        }
    }

    private static String freeSpace(Path folder) {
        try {
            long bytes = Files.getFileStore(folder).getUsableSpace();
            return bytes < 1024 * 1024 ? bytes / 1024 + " KiB" : bytes / (1024 * 1024) + " MiB";
        } catch (IOException unknown) {
            return "unknown space";
        }
    }

    private static void encode(Frame frame, Path file, String extension, int jpegQuality, int width, int height)
            throws FrameRecorder.Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height)) {
            recorder.setFormat("image2");
            recorder.setImageScalingFlags(swscale.SWS_AREA);
            recorder.setOption("update", "1");
            if (extension.equals("png")) {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_PNG);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            } else {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
                recorder.setVideoQuality(qscale(jpegQuality));
            }
            recorder.start();
            recorder.record(frame);
            recorder.stop();
        }
    }

    /** Maps the familiar 1 to 100 quality onto FFmpeg's scale. */
    static int qscale(int jpegQuality) {
        return (int) Math.round(WORST_QSCALE - (jpegQuality - 1) * (WORST_QSCALE - BEST_QSCALE) / 99.0);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The error being reported matters more than a leftover temporary file.
        }
    }
}
