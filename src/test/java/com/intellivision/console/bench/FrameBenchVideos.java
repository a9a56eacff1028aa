package com.intellivision.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The benchmark's videos: 1080p30 H.264 at 4 Mbit/s with a keyframe every 2 s and the index at the
 * front, made with the ffmpeg program and kept in {@value #CACHE} so later runs start at once. One
 * 30-second clip is encoded; the longer videos are that clip joined end to end without re-encoding,
 * so every video has the same picture size and bytes per second, and an index as long as its length.
 */
final class FrameBenchVideos {

    static final String CACHE = "/tmp/intellivision-bench-videos";
    static final int CLIP_SECONDS = 30;

    private static final String NAME = "testsrc2-1080p30-h264-4mbps-%ds.mp4";
    private static final List<String> ENCODE = List.of(
            "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", String.valueOf(CLIP_SECONDS),
            "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "4M", "-maxrate", "4M", "-bufsize", "8M",
            "-g", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p");

    /** A cached video and its length. */
    record Video(Path file, int seconds) {

        String label() {
            return seconds < 60 ? seconds + " s" : seconds / 60 + " min";
        }

        String fileName() {
            return file.getFileName().toString();
        }

        double sizeMiB() throws IOException {
            return Files.size(file) / 1048576.0;
        }
    }

    private FrameBenchVideos() {}

    /** The video of {@code seconds} (a multiple of {@value #CLIP_SECONDS}), made first if not cached. */
    static Video ofLength(int seconds) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of(CACHE));
        Path file = folder.resolve(NAME.formatted(seconds));
        if (!Files.exists(file)) {
            System.out.printf("making %s (cached for later runs) ...%n", file);
            if (seconds == CLIP_SECONDS) {
                encodeClip(file);
            } else {
                joinClips(ofLength(CLIP_SECONDS).file(), seconds / CLIP_SECONDS, file);
            }
        }
        return new Video(file, seconds);
    }

    private static void encodeClip(Path file) throws IOException, InterruptedException {
        writeAtomically(file, ENCODE);
    }

    private static void joinClips(Path clip, int copies, Path file) throws IOException, InterruptedException {
        Path list = file.resolveSibling(file.getFileName() + ".txt");
        String line = "file '" + clip.toAbsolutePath() + "'\n";
        Files.writeString(list, String.join("", Collections.nCopies(copies, line)));
        try {
            writeAtomically(file, List.of("-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy"));
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** Runs ffmpeg into a temporary file and moves it into place, so an interrupted run caches nothing. */
    private static void writeAtomically(Path file, List<String> inputAndCoding) throws IOException, InterruptedException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error"));
        command.addAll(inputAndCoding);
        command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", "-y", partial.toString()));
        FrameBenchProcesses.run(command);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
