package com.intellivision.console.testsupport;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The videos people-count tests use: OpenCV's own sample of people walking, {@code vtest.avi} (Debian
 * package {@code opencv-doc}), cuts of it, and videos that are broken in the ways real ones are.
 */
public final class SampleVideos {

    public static final Path VTEST = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");

    private SampleVideos() {}

    /** {@code vtest.avi}: 768x576 at 10 frames a second, 79.5 s of people crossing a square. */
    public static Path vtest() {
        if (!Files.isReadable(VTEST)) {
            throw new AssertionError(VTEST + " is missing: it is OpenCV's sample video of people walking, which the people-count "
                    + "tests count. Install it with 'sudo apt-get install opencv-doc'.");
        }
        return VTEST;
    }

    /** The first {@code seconds} of {@code vtest.avi}, its packets copied as they are: the same frames, bit for bit. */
    public static Path vtestOpening(Path file, int seconds) throws IOException {
        return copyPackets(vtest(), file, "avi", Map.of(), seconds);
    }

    /**
     * An H.264 MP4 of {@code seconds} with its index first, as streaming sites serve them, of which only the
     * first 60 % arrived: it opens and says how long it is, but its frames stop early.
     */
    public static Path cutShort(Path file, int seconds) throws IOException {
        Path whole = TestVideos.writeFrameCodedVideo(file.resolveSibling("whole-" + file.getFileName()), seconds, 25, 320, 180);
        Path indexFirst = copyPackets(whole, file.resolveSibling("index-first-" + file.getFileName()), "mp4",
                Map.of("movflags", "faststart"), seconds);
        byte[] bytes = Files.readAllBytes(indexFirst);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length * 3 / 5));
    }

    /** An MP4 with sound and no picture, as a podcast or a voice memo is. */
    public static Path audioOnly(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), 1)) {
            recorder.setFormat("mp4");
            recorder.setSampleRate(8000);
            recorder.start();
            Frame silence = new Frame();
            silence.sampleRate = 8000;
            silence.audioChannels = 1;
            silence.samples = new java.nio.Buffer[] {ShortBuffer.allocate(8000)};
            recorder.record(silence);
            recorder.stop();
        }
        return file;
    }

    /** An H.264 MP4 of {@code seconds} whose bytes from 40 % to 60 % of the file are garbage, as after a bad copy. */
    public static Path damagedInTheMiddle(Path file, int seconds) throws IOException {
        Path whole = TestVideos.writeFrameCodedVideo(file.resolveSibling("whole-" + file.getFileName()), seconds, 25, 320, 180);
        byte[] bytes = Files.readAllBytes(whole);
        garble(bytes, bytes.length * 2 / 5, bytes.length * 3 / 5);
        return Files.write(file, bytes);
    }

    /** An H.264 MP4 whose index is whole but whose every frame is garbage: nothing in it can be decoded. */
    public static Path undecodable(Path file) throws IOException {
        Path whole = TestVideos.writeFrameCodedVideo(file.resolveSibling("whole-" + file.getFileName()), 2, 25, 320, 180);
        byte[] bytes = Files.readAllBytes(whole);
        // The encoder writes the frames (the mdat box) first and the index (moov) after them.
        garble(bytes, boxStart(bytes, "mdat") + 8, boxStart(bytes, "moov"));
        return Files.write(file, bytes);
    }

    /** Copies the video packets of the first {@code seconds} into a new container, without decoding them. */
    private static Path copyPackets(Path from, Path to, String format, Map<String, String> options, int seconds) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(from.toString())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(to.toString(), grabber.getImageWidth(), grabber.getImageHeight(), 0)) {
                recorder.setFormat(format);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoCodec(grabber.getVideoCodec());
                options.forEach(recorder::setOption);
                recorder.start(grabber.getFormatContext());
                AVRational timeBase = grabber.getFormatContext().streams(0).time_base();
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null && packet.pts() * timeBase.num() < (long) seconds * timeBase.den()) {
                    recorder.recordPacket(packet);
                }
                recorder.stop();
            }
        }
        return to;
    }

    private static void garble(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            bytes[i] = (byte) (i * 7919);
        }
    }

    /** Where the MP4 box of this type starts: four bytes of size before its name. */
    private static int boxStart(byte[] bytes, String type) {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 4; i + name.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + name.length, name, 0, name.length)) {
                return i - 4;
            }
        }
        throw new IllegalArgumentException("no " + type + " box in the video");
    }
}
