package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * People standing still, with motion regions: kept from the last search while nothing moves, and
 * looked at again, alone, once not seen for {@value MotionRestrictedDetector#RECHECK_SECONDS} s. The
 * frames are one fixed scene with grain too faint for the background model, which changes HOG's score
 * a little at each look: a person kept has the score of the look that found them.
 */
class StillPeopleRecheckTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    @Test
    void aStillPersonIsKeptWhileNothingMovesAndLookedAtAgainAfterThreeSeconds() {
        BufferedImage scene = standingPerson();
        try (Java2DFrameConverter toFrame = new Java2DFrameConverter();
                OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
                MotionRestrictedDetector detector = new MotionRestrictedDetector(new HogDetector(HogSettings.DEFAULT), HogSettings.DEFAULT, 60)) {
            Random grain = new Random(7);
            float firstScore = Float.NaN;
            boolean lookedAgain = false;
            for (int sample = 0; sample <= 10; sample++) {
                double seconds = sample * 0.5;
                Mat frame = toMat.convert(toFrame.convert(withGrain(scene, grain)));
                List<Detection> found = detector.detect(frame, seconds);

                assertThat(found).as("the person at %.1f s", seconds).singleElement()
                        .satisfies(person -> assertThat(person.box().centerX()).isBetween(280.0, 360.0));
                float score = found.get(0).score();
                if (sample == 0) {
                    firstScore = score;
                } else if (seconds < MotionRestrictedDetector.RECHECK_SECONDS) {
                    assertThat(score).as("kept at %.1f s, as found at 0 s", seconds).isEqualTo(firstScore);
                } else {
                    lookedAgain |= score != firstScore;
                }
            }
            assertThat(lookedAgain).as("looked at again from 3 s on").isTrue();
            assertThat(detector.strategies()).containsExactly("hog", MotionRestrictedDetector.STRATEGY);
        }
    }

    private static BufferedImage standingPerson() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int horizon = (int) (HEIGHT * 0.56);
            g.setColor(new Color(180, 185, 195));
            g.fillRect(0, 0, WIDTH, horizon);
            g.setColor(new Color(125, 120, 112));
            g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
            SampleVideo.paintBuildings(g, WIDTH, horizon);
            SampleVideo.paintFigure(g, 320, 0.86 * HEIGHT, 0.42 * HEIGHT, 0.9, new Color(40, 40, 70));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The scene with each pixel one grey level lighter or darker at random: a sensor's grain. */
    private static BufferedImage withGrain(BufferedImage scene, Random grain) {
        BufferedImage copy = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] from = ((java.awt.image.DataBufferByte) scene.getRaster().getDataBuffer()).getData();
        byte[] to = ((java.awt.image.DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < from.length; i++) {
            int value = (from[i] & 0xff) + grain.nextInt(3) - 1;
            to[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return copy;
    }
}
