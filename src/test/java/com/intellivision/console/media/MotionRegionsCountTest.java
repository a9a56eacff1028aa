package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.PeopleCountResult;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting with motion regions against counting on whole frames, on videos made here: a fixed camera
 * with people who walk, one who walks and then stops, and one who never moves; and a camera that pans
 * over a textured square, where nearly everything changes and motion regions must give way to whole frames.
 */
class MotionRegionsCountTest {

    private static final int SECONDS = 10;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    @TempDir
    static Path temp;

    static PeopleCountResult fixedWhole;
    static PeopleCountResult fixedMotion;
    static PeopleCountResult pannedWhole;
    static PeopleCountResult pannedMotion;

    @BeforeAll
    static void countBothVideosBothWays() throws Exception {
        Path fixed = VideoWriter.writeMp4(temp.resolve("fixed.mp4"), SECONDS * 25, 25, WIDTH, HEIGHT, 2_000_000,
                (image, frame) -> paintFixedCamera(image, frame / 25.0));
        Path panned = VideoWriter.writeMp4(temp.resolve("panned.mp4"), 6 * 25, 25, WIDTH, HEIGHT, 4_000_000,
                (image, frame) -> paintPanningCamera(image, frame / 25.0));
        CountParams motion = CountParams.defaults();
        fixedWhole = count(fixed, motion.withMotionRegions(false));
        fixedMotion = count(fixed, motion);
        pannedWhole = count(panned, motion.withMotionRegions(false));
        pannedMotion = count(panned, motion);
    }

    @Test
    void aPersonWhoStopsIsStillCountedAndSeenAsOnWholeFrames() {
        assertThat(fixedWhole.detectionStrategies()).containsExactly("hog");
        // People this large in so small a frame sometimes need regions covering most of it: then the whole frame is searched.
        assertThat(fixedMotion.detectionStrategies()).startsWith("hog", MotionRestrictedDetector.STRATEGY);
        // The walker, the one who stops and the one standing; HOG also boxes the walker's upper body now and then, as a fourth.
        assertThat(fixedWhole.personCount()).isBetween(3, 4);
        assertThat(fixedMotion.personCount()).isEqualTo(fixedWhole.personCount());
        List<Integer> whole = counts(fixedWhole);
        List<Integer> motion = counts(fixedMotion);
        assertThat(motion).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(motion.get(i)).as("people at sample %d", i).isBetween(whole.get(i) - 1, whole.get(i) + 1);
        }
        // After 3 s the second walker stands at x = 470, and stays: still boxed in the last sample, between whole-frame passes.
        PeopleCountResult.Sample last = fixedMotion.timeline().get(fixedMotion.timeline().size() - 1);
        assertThat(last.timestamp()).isGreaterThan(SECONDS - 1.0);
        assertThat(last.boxes()).anySatisfy(box -> assertThat(box.x() + box.width() / 2.0).isBetween(440.0, 500.0));
        assertThat(last.boxes()).anySatisfy(box -> assertThat(box.x() + box.width() / 2.0).isBetween(70.0, 130.0));
    }

    @Test
    void aPanningCameraFallsBackToWholeFrames() {
        assertThat(pannedMotion.detectionStrategies()).containsExactly("hog", MotionRestrictedDetector.FALLBACK);
        assertThat(counts(pannedMotion)).isEqualTo(counts(pannedWhole));
        assertThat(pannedMotion.personCount()).isEqualTo(pannedWhole.personCount());
    }

    private static PeopleCountResult count(Path video, CountParams params) throws MediaException {
        VideoSource source = new VideoSource(video.toString(), Map.of(), video.getFileName().toString(), "direct");
        return new PeopleCounter().count(source, params, video.resolveSibling(video.getFileName() + ".png"), Progress.NONE);
    }

    private static List<Integer> counts(PeopleCountResult result) {
        return result.timeline().stream().map(PeopleCountResult.Sample::count).toList();
    }

    /**
     * The sample video's square: one person standing still at x = 100 throughout, one walking slowly right
     * from x = 180, one walking left from x = 650 who stops at x = 470 after 3 s.
     */
    private static void paintFixedCamera(BufferedImage image, double seconds) {
        Graphics2D g = scene(image);
        try {
            int horizon = (int) (HEIGHT * 0.56);
            g.setPaint(new GradientPaint(0, 0, new Color(170, 190, 205), 0, horizon, new Color(205, 170, 160)));
            g.fillRect(0, 0, WIDTH, horizon);
            g.setColor(new Color(125, 120, 112));
            g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
            SampleVideo.paintBuildings(g, WIDTH, horizon);
            SampleVideo.paintFigure(g, 100, 0.86 * HEIGHT, 0.42 * HEIGHT, 0.9, new Color(40, 40, 70));
            SampleVideo.paintFigure(g, 180 + 20 * seconds, 0.84 * HEIGHT, 0.42 * HEIGHT, seconds * 6, new Color(30, 62, 40));
            double stoppedAt = 3;
            double walked = Math.min(seconds, stoppedAt);
            SampleVideo.paintFigure(g, 650 - 60 * walked, 0.92 * HEIGHT, 0.46 * HEIGHT, walked * 6, new Color(70, 32, 30));
        } finally {
            g.dispose();
        }
    }

    /** Two walkers on a square paved with tiles of many greys, the camera panning right at 60 px/s. */
    private static void paintPanningCamera(BufferedImage image, double seconds) {
        Graphics2D g = scene(image);
        try {
            int pan = (int) Math.round(60 * seconds);
            int tile = 16;
            for (int column = pan / tile - 1; column <= (pan + WIDTH) / tile + 1; column++) {
                for (int row = 0; row <= HEIGHT / tile; row++) {
                    int grey = 110 + new Random(column * 7919L + row).nextInt(90);
                    g.setColor(new Color(grey, grey, grey - 10));
                    g.fillRect(column * tile - pan, row * tile, tile, tile);
                }
            }
            SampleVideo.paintFigure(g, 200 + 40 * seconds - pan, 0.86 * HEIGHT, 0.44 * HEIGHT, seconds * 6, new Color(40, 40, 70));
            SampleVideo.paintFigure(g, 600 - 30 * seconds - pan, 0.9 * HEIGHT, 0.46 * HEIGHT, seconds * 6 + 1.7, new Color(70, 32, 30));
        } finally {
            g.dispose();
        }
    }

    private static Graphics2D scene(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }
}
