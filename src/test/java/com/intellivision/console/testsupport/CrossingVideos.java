package com.intellivision.console.testsupport;

import com.intellivision.console.media.SampleVideo;
import com.intellivision.console.media.VideoWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Videos of people who each cross the square once, at times a test chooses: the sample video's scene
 * and figures (which the HOG detector takes for pedestrians), so that a test knows how many people
 * a count should find and when each was in view.
 */
public final class CrossingVideos {

    public static final int FPS = 10;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;

    /** Someone who walks in on the left at {@code enters} seconds and out on the right at {@code leaves}. */
    public record Crossing(double enters, double leaves) {}

    private CrossingVideos() {}

    /** Writes {@code seconds} of the square, crossed by each of {@code crossings} in turn, as an H.264 MP4. */
    public static Path write(Path file, int seconds, List<Crossing> crossings) throws IOException {
        return VideoWriter.writeMp4(file, seconds * FPS, FPS, WIDTH, HEIGHT, 800_000, (image, frame) -> {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                SampleVideo.paintEmptySquare(g, WIDTH, HEIGHT);
                double at = frame / (double) FPS;
                for (Crossing crossing : crossings) {
                    if (at >= crossing.enters() && at <= crossing.leaves()) {
                        double x = -60 + (WIDTH + 120) * (at - crossing.enters()) / (crossing.leaves() - crossing.enters());
                        SampleVideo.paintFigure(g, x, HEIGHT * 0.92, HEIGHT * 0.5, at * 6, new Color(40, 40, 70));
                    }
                }
            } finally {
                g.dispose();
            }
        });
    }
}
