package com.intellivision.console.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes an H.264 MP4 of frames painted in Java2D: the sample video of a first run and the demo, and
 * the tests' own videos. The file appears whole (written beside it, then moved), so a job or a form
 * that sees it never reads half a video.
 */
public final class VideoWriter {

    /** Paints frame {@code frame} (from 0) into {@code image}, which holds the frame before it. */
    @FunctionalInterface
    public interface Painter {
        void paint(BufferedImage image, int frame);
    }

    private VideoWriter() {}

    /** {@code frames} frames at {@code fps}, a keyframe every two seconds, at {@code bitrate} bits a second. */
    public static Path writeMp4(Path file, int frames, int fps, int width, int height, int bitrate, Painter painter) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".part.mp4");
        FFmpegMessages.install();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toString(), width, height);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(fps);
            recorder.setGopSize(fps * 2);
            recorder.setVideoBitrate(bitrate);
            recorder.start();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            for (int frame = 0; frame < frames; frame++) {
                painter.paint(image, frame);
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw new IOException("The video " + file + " could not be written: " + failed.getMessage(), failed);
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
