package com.intellivision.console.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A video made on this machine, without the network: people walking across a square at dusk, in
 * silhouette, so that a frame shows a scene and a people count finds people in it (OpenCV's HOG
 * detector takes these figures for pedestrians). For a first run and the demo, where no video of
 * one's own is at hand.
 */
public final class SampleVideo {

    public static final int FPS = 25;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;

    /** One walker: where it starts, its speed across (px/s, negative leftwards), where its feet are, how tall, its colour. */
    private record Walker(double startX, double speed, double feetY, double height, Color color) {}

    private static final Walker[] WALKERS = {
        new Walker(-40, 62, 0.83, 0.42, new Color(40, 40, 70)),
        new Walker(700, -48, 0.92, 0.47, new Color(70, 32, 30)),
        new Walker(250, 75, 0.78, 0.36, new Color(30, 62, 40)),
        new Walker(520, -66, 0.88, 0.44, new Color(55, 45, 25)),
    };

    private SampleVideo() {}

    /** Writes {@code seconds} of the scene at 640 × 360 to {@code file} (an MP4) and returns it. */
    public static Path write(Path file, int seconds) throws IOException {
        return write(file, seconds, WIDTH, HEIGHT);
    }

    /** The same scene at another size: a larger one costs a people count more memory, as a larger real video does. */
    public static Path write(Path file, int seconds, int width, int height) throws IOException {
        int bitrate = Math.max(800_000, width * height * 4);
        return VideoWriter.writeMp4(file, seconds * FPS, FPS, width, height, bitrate, SampleVideo::paint);
    }

    private static void paint(BufferedImage image, int frame) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int width = image.getWidth();
            int height = image.getHeight();
            paintEmptySquare(g, width, height);
            double seconds = frame / (double) FPS;
            double scale = width / (double) WIDTH;
            for (int i = 0; i < WALKERS.length; i++) {
                Walker walker = WALKERS[i];
                double span = width + 160 * scale;
                double x = Math.floorMod((long) ((walker.startX * scale + walker.speed * scale * seconds) * 100), (long) (span * 100)) / 100.0
                        - 80 * scale;
                paintFigure(g, x, walker.feetY * height, walker.height * height, seconds * 6 + i * 1.7, walker.color);
            }
        } finally {
            g.dispose();
        }
    }

    /** The square without anyone in it: sky, ground and buildings; for scenes of one's own (the tests' walkers). */
    public static void paintEmptySquare(Graphics2D g, int width, int height) {
        int horizon = (int) (height * 0.56);
        g.setPaint(new GradientPaint(0, 0, new Color(170, 190, 205), 0, horizon, new Color(205, 170, 160)));
        g.fillRect(0, 0, width, horizon);
        g.setColor(new Color(125, 120, 112));
        g.fillRect(0, horizon, width, height - horizon);
        paintBuildings(g, width, horizon);
    }

    /** A row of plain blocks on the horizon, so the frame reads as a place. */
    static void paintBuildings(Graphics2D g, int width, int horizon) {
        int[] heights = {90, 60, 120, 75, 100, 55, 110, 80};
        int block = width / heights.length;
        for (int i = 0; i < heights.length; i++) {
            int tall = heights[i] * horizon / 200;
            g.setColor(new Color(150 - i % 3 * 12, 150 - i % 2 * 10, 160));
            g.fillRect(i * block + 6, horizon - tall, block - 12, tall);
        }
    }

    /** A walking person in silhouette, its feet at ({@code x}, {@code feetY}), legs and arms swinging with {@code phase}. */
    public static void paintFigure(Graphics2D g, double x, double feetY, double tall, double phase, Color color) {
        double s = tall / 170.0;
        double swing = Math.sin(phase);
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - 11 * s, feetY - 169 * s, 22 * s, 28 * s));
        g.fill(new Ellipse2D.Double(x - 17 * s, feetY - 142 * s, 34 * s, 60 * s));
        for (int side = -1; side <= 1; side += 2) {
            g.setStroke(new BasicStroke((float) (12 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double kneeX = x + side * swing * 14 * s;
            double footX = x + side * swing * 24 * s;
            g.draw(new Line2D.Double(x + side * 3 * s, feetY - 85 * s, kneeX, feetY - 45 * s));
            g.setStroke(new BasicStroke((float) (10 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(kneeX, feetY - 45 * s, footX, feetY));
            g.setStroke(new BasicStroke((float) Math.max(2, 9 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double elbowX = x + side * 14 * s - side * swing * 12 * s;
            double handX = x + side * 12 * s - side * swing * 16 * s;
            g.draw(new Line2D.Double(x + side * 12 * s, feetY - 135 * s, elbowX, feetY - 105 * s));
            g.draw(new Line2D.Double(elbowX, feetY - 105 * s, handX, feetY - 78 * s));
        }
    }
}
