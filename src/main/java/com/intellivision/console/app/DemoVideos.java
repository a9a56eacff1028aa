package com.intellivision.console.app;

import com.intellivision.console.media.SampleVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo's videos, all made on this machine so the demo needs no network: the sample scene at
 * 640 × 360, the same scene at 1280 × 720 (a people count of it takes a worker past the demo's soft
 * memory limit), a file that only pretends to be a video, and OpenCV's {@code vtest.avi} where it is installed.
 *
 * @param walkers the sample scene, 8 s
 * @param largeWalkers the scene at four times the pixels, 6 s
 * @param notAVideo text in a file named {@code .mp4}
 * @param vtest OpenCV's sample of people walking, if installed
 */
record DemoVideos(Path walkers, Path largeWalkers, Path notAVideo, Optional<Path> vtest) {

    static final Path VTEST = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");

    /** Writes the videos into {@code folder}; a few seconds of encoding, so never on the FX thread. */
    static DemoVideos make(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path walkers = SampleVideo.write(folder.resolve("walkers.mp4"), 8);
        Path large = SampleVideo.write(folder.resolve("walkers-720p.mp4"), 6, 1280, 720);
        Path fake = Files.writeString(folder.resolve("holiday-clip.mp4"), "These are notes about a holiday, not a video.\n");
        return new DemoVideos(walkers, large, fake, Optional.of(VTEST).filter(Files::isReadable));
    }
}
