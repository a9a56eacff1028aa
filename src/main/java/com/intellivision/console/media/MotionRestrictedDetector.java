package com.intellivision.console.media;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * HOG that looks only where something moves, for fixed cameras: most of such a frame is the same from
 * one sample to the next, and HOG's cost grows with the pixels it searches. A background model
 * ({@link ForegroundBlobs}) says what moved; HOG searches the regions around it ({@link MotionRegions})
 * and, where nothing moved, the people found before are taken as still there (they would be found again).
 *
 * <p>The whole frame is still searched: on the first sample, every {@code fullFrameEverySeconds} of
 * video (so that people standing still are re-confirmed, and a false one does not linger), and whenever
 * most of the frame changed (the camera moved, the light changed) or the moving parts cover most of it,
 * where regions would save nothing. The results name such samples {@value #FALLBACK}.
 */
final class MotionRestrictedDetector implements Detector {

    static final String STRATEGY = "motion_regions";
    static final String FALLBACK = "full_frame_fallback";
    /** More of the mask changed than this: the camera moved, not people; a person rarely fills a tenth of it. */
    static final double CAMERA_MOVED_SHARE = 0.45;
    /** Regions covering more of the frame than this (overlaps counted twice) cost about what the whole frame does. */
    static final double MAX_COVERAGE = 0.6;

    private final HogDetector hog;
    private final HogSettings settings;
    private final double fullFrameEverySeconds;
    private final ForegroundBlobs motion = new ForegroundBlobs();
    private final Set<String> used = new LinkedHashSet<>();
    private MotionRegions geometry;
    private int geometryForHeight = -1;
    private double lastFullFrameSeconds = Double.NEGATIVE_INFINITY;
    private List<Detection> previous = List.of();

    /** @param hog the detector to run; closed with this one */
    MotionRestrictedDetector(HogDetector hog, HogSettings settings, double fullFrameEverySeconds) {
        this.hog = hog;
        this.settings = settings;
        this.fullFrameEverySeconds = fullFrameEverySeconds;
    }

    /** The whole frame, as plain HOG; the background model does not see it. */
    @Override
    public List<Detection> detect(Mat bgr) {
        return hog.detect(bgr);
    }

    @Override
    public List<Detection> detect(Mat bgr, double seconds) {
        ForegroundBlobs.Motion moved = motion.observe(bgr); // every sample, so that the model stays current
        if (seconds - lastFullFrameSeconds >= fullFrameEverySeconds) {
            return wholeFrame(bgr, seconds);
        }
        if (moved.foregroundShare() > CAMERA_MOVED_SHARE) {
            used.add(FALLBACK);
            return wholeFrame(bgr, seconds);
        }
        List<Box> regions = geometryFor(bgr).around(moved.blobs(), previous.stream().map(Detection::box).toList(), bgr.cols(), bgr.rows());
        if (MotionRegions.coverage(regions, bgr.cols(), bgr.rows()) > MAX_COVERAGE) {
            used.add(FALLBACK);
            return wholeFrame(bgr, seconds);
        }
        used.add(STRATEGY);
        List<Detection> found = new ArrayList<>(regions.isEmpty() ? List.of() : hog.detectIn(bgr, regions));
        for (Detection still : previous) {
            if (MotionRegions.outsideAll(still.box(), regions)) {
                found.add(still);
            }
        }
        previous = OverlapSuppression.keepBest(found, settings.minScore(), settings.maxOverlap());
        return previous;
    }

    @Override
    public String strategy() {
        return hog.strategy();
    }

    /** {@code hog}, then {@value #STRATEGY} if any sample was searched by regions and {@value #FALLBACK} if any fell back. */
    @Override
    public List<String> strategies() {
        List<String> all = new ArrayList<>();
        all.add(hog.strategy());
        all.addAll(used);
        return all;
    }

    @Override
    public void close() {
        motion.close();
        hog.close();
    }

    private List<Detection> wholeFrame(Mat bgr, double seconds) {
        lastFullFrameSeconds = seconds;
        previous = hog.detect(bgr);
        return previous;
    }

    /**
     * Regions at least two windows wide and tall, so that a person up to twice the smallest
     * HOG sees fits in one; joined when less than a stride (at HOG's scale) apart.
     */
    private MotionRegions geometryFor(Mat bgr) {
        if (geometryForHeight != bgr.rows()) {
            Box window = HogDetector.windowInFrame(settings, bgr.rows());
            int stride = (int) Math.ceil(settings.windowStride() / settings.resizeFactor(bgr.rows()));
            geometry = new MotionRegions(window.width() * 2, window.height() * 2, stride);
            geometryForHeight = bgr.rows();
        }
        return geometry;
    }
}
