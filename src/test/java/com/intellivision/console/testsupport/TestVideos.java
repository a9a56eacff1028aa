package com.intellivision.console.testsupport;

import com.intellivision.console.media.VideoWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Makes H.264 test videos whose frames say which frame they are: the top half shows the frame number
 * in binary as {@value #BITS} black or white blocks, big enough to survive compression, and the bottom
 * half has one colour per second. A decoded frame can then be checked for being the frame asked for.
 */
public final class TestVideos {

    public static final int BITS = 12;

    static {
        // The encoders' chatter (stream dumps, OpenH264 notes) would bury the test report.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    private TestVideos() {}

    /** Writes an MP4 (index at the end, as most encoders leave it) and returns its path. */
    public static Path writeFrameCodedVideo(Path file, int seconds, int fps, int width, int height) throws IOException {
        return VideoWriter.writeMp4(file, seconds * fps, fps, width, height, 2_000_000, (image, frame) -> paintFrame(image, frame, frame / fps));
    }

    /**
     * Writes a video of very large, plain frames with a single keyframe (MPEG-4 in Matroska): taking
     * its last frame means decoding all of them at full size, which takes a worker's memory far up.
     */
    public static Path writeHugeVideo(Path file, int width, int height, int frames) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(10);
            recorder.setGopSize(frames + 1);
            recorder.setVideoQuality(10);
            recorder.start();
            org.bytedeco.javacv.Frame plain = converter.convert(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR));
            for (int frame = 0; frame < frames; frame++) {
                recorder.record(plain);
            }
            recorder.stop();
        } catch (org.bytedeco.javacv.FrameRecorder.Exception e) {
            throw new IOException("could not write test video " + file, e);
        }
        return file;
    }

    /**
     * Makes an MP4 larger without changing what it plays, by a {@code free} box of {@code bytes} put
     * between its media data and its index (moov), which stays last: a reader that cannot seek must go
     * through all of it to reach the index. Only files whose top-level boxes have 32-bit sizes.
     */
    public static Path padBeforeIndex(Path mp4, long bytes) throws IOException {
        if (bytes < 8 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a free box of " + bytes + " bytes does not fit a 32-bit size");
        }
        byte[] whole = Files.readAllBytes(mp4);
        int moov = topLevelBox(whole, "moov");
        if (moov < 0 || moov + boxSize(whole, moov) != whole.length) {
            throw new IOException(mp4 + " does not end with its index (moov)");
        }
        Path padded = mp4.resolveSibling("padded-" + mp4.getFileName());
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(padded))) {
            out.write(whole, 0, moov);
            out.write(java.nio.ByteBuffer.allocate(8).putInt((int) bytes).put("free".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).array());
            byte[] zeros = new byte[1 << 16];
            for (long left = bytes - 8; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
            out.write(whole, moov, whole.length - moov);
        }
        Files.move(padded, mp4, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return mp4;
    }

    /** Where the top-level box of {@code type} starts, or -1. */
    public static int topLevelBox(byte[] mp4, String type) {
        for (int at = 0; at + 8 <= mp4.length; at += boxSize(mp4, at)) {
            if (new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(type)) {
                return at;
            }
            if (boxSize(mp4, at) < 8) {
                return -1;
            }
        }
        return -1;
    }

    private static int boxSize(byte[] mp4, int at) {
        return java.nio.ByteBuffer.wrap(mp4, at, 4).getInt();
    }

    /**
     * Writes a long video cheaply: one small plain frame every {@code secondsPerFrame} (MPEG-4 in
     * Matroska), so six hours are a few thousand frames and well under a megabyte.
     */
    public static Path writeSparseVideo(Path file, int seconds, int secondsPerFrame, int width, int height) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(1.0 / secondsPerFrame);
            recorder.setGopSize(60);
            recorder.setVideoQuality(10);
            recorder.start();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            for (int frame = 0; frame < seconds / secondsPerFrame; frame++) {
                paintFrame(image, frame, frame * secondsPerFrame);
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        } catch (org.bytedeco.javacv.FrameRecorder.Exception e) {
            throw new IOException("could not write test video " + file, e);
        }
        return file;
    }

    /** The frame number a decoded image shows, read back from its blocks. */
    public static int frameNumberOf(BufferedImage image) {
        int number = 0;
        int blockWidth = image.getWidth() / BITS;
        int y = image.getHeight() / 4;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = image.getRGB(bit * blockWidth + blockWidth / 2, y);
            int luma = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
            if (luma > 128) {
                number |= 1 << (BITS - 1 - bit);
            }
        }
        return number;
    }

    public static int frameNumberOf(Path imageFile) throws IOException {
        BufferedImage image = ImageIO.read(imageFile.toFile());
        if (image == null) {
            throw new IOException(imageFile + " is not an image ImageIO can read");
        }
        return frameNumberOf(image);
    }

    private static void paintFrame(BufferedImage image, int frame, int second) {
        Graphics2D g = image.createGraphics();
        int width = image.getWidth();
        int height = image.getHeight();
        int blockWidth = width / BITS;
        for (int bit = 0; bit < BITS; bit++) {
            boolean set = (frame >> (BITS - 1 - bit) & 1) == 1;
            g.setColor(set ? Color.WHITE : Color.BLACK);
            g.fillRect(bit * blockWidth, 0, blockWidth, height / 2);
        }
        g.setColor(Color.getHSBColor((second * 0.13f) % 1f, 0.8f, 0.8f));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.dispose();
    }
}
