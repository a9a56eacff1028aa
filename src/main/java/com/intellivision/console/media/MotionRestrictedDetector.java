package com.intellivision.console.media;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * HOG that looks only where something moves, for fixed cameras: most of such a frame is the same from
 * one sample to the next, and HOG's cost grows with the pixels it searches. A background model
 * ({@link ForegroundBlobs}) says what moved; HOG searches the regions around it ({@link MotionRegions}),
 * at the sizes of the people followed there when all that moved is near them, and, where nothing moved,
 * the people found before are taken as still there (they would be found again). Those are looked at
 * again, each alone and at their size, once they have not been seen for {@value #RECHECK_SECONDS} s, so
 * that a false one does not linger.
 *
 * <p>The whole frame is still searched: on the first sample, every {@code fullFrameEverySeconds} of
 * video (for people who have not moved since the count began), and whenever most of the frame changed
 * (the camera moved, the light changed) or the moving parts cover most of it, where regions would save
 * nothing. The results name such samples {@value #FALLBACK}.
 */
final class MotionRestrictedDetector implements Detector {

    static final String STRATEGY = "motion_regions";
    static final String FALLBACK = "full_frame_fallback";
    /** More of the mask changed than this: the camera moved, not people; a person rarely fills a tenth of it. */
    static final double CAMERA_MOVED_SHARE = 0.45;
    /** Regions covering more of the frame than this (overlaps counted twice) cost about what the whole frame does. */
    static final double MAX_COVERAGE = 0.6;
    /** A person kept where nothing moved is looked at again after this long. */
    static final double RECHECK_SECONDS = 3;
    /**
     * A person followed is looked for from this share of their last height to the next ({@link #TALLER}): in
     * vtest.avi, 97 % of people HOG finds twice running are between these shares of their size before.
     */
    static final double SHORTER = 0.8;
    static final double TALLER = 1.25;

    /** A person found, and the video time they were last found at (not only kept). */
    private record Sighting(Detection person, double seenAt) {
        Box box() {
            return person.box();
        }
    }

    private final HogDetector hog;
    private final HogSettings settings;
    private final double fullFrameEverySeconds;
    private final ForegroundBlobs motion = new ForegroundBlobs();
    private final Set<String> used = new LinkedHashSet<>();
    private MotionRegions geometry;
    private int geometryForHeight = -1;
    private double lastFullFrameSeconds = Double.NEGATIVE_INFINITY;
    private List<Sighting> previous = List.of();

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
        List<Box> regions = geometryFor(bgr).around(moved.blobs(), previous.stream().map(Sighting::box).toList(), bgr.cols(), bgr.rows());
        if (MotionRegions.coverage(regions, bgr.cols(), bgr.rows()) > MAX_COVERAGE) {
            used.add(FALLBACK);
            return wholeFrame(bgr, seconds);
        }
        used.add(STRATEGY);
        List<SearchArea> areas = searchAreas(regions, moved.blobs());
        List<Sighting> kept = new ArrayList<>();
        for (Sighting still : previous) {
            if (!MotionRegions.outsideAll(still.box(), regions)) {
                continue; // searched again with its region
            }
            if (seconds - still.seenAt() < RECHECK_SECONDS) {
                kept.add(still);
            } else {
                Box window = MotionRegions.clipped(MotionRegions.windowAround(still.box()), bgr.cols(), bgr.rows());
                if (window != null) {
                    areas.add(sized(window, List.of(still.box())));
                }
            }
        }
        Map<Detection, Double> seenAt = new IdentityHashMap<>();
        List<Detection> candidates = new ArrayList<>();
        for (Detection person : areas.isEmpty() ? List.<Detection>of() : hog.search(bgr, areas)) {
            candidates.add(person);
            seenAt.put(person, seconds);
        }
        for (Sighting still : kept) {
            candidates.add(still.person());
            seenAt.put(still.person(), still.seenAt());
        }
        List<Detection> people = OverlapSuppression.keepBest(candidates, settings.minScore(), settings.maxOverlap());
        previous = people.stream().map(person -> new Sighting(person, seenAt.get(person))).toList();
        return people;
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

    /**
     * Each region with the sizes of the people in it: where all that moved in it is beside people found
     * before, about their sizes (they moved, or someone of their size beside them); elsewhere, any size.
     */
    private List<SearchArea> searchAreas(List<Box> regions, List<Box> blobs) {
        List<SearchArea> areas = new ArrayList<>();
        for (Box region : regions) {
            List<Box> people = previous.stream().map(Sighting::box).filter(person -> MotionRegions.touches(region, person, 0)).toList();
            boolean nearThem = !people.isEmpty() && blobs.stream()
                    .filter(blob -> MotionRegions.touches(region, blob, 0))
                    .allMatch(blob -> people.stream().anyMatch(person -> MotionRegions.touches(MotionRegions.windowAround(person), blob, 0)));
            areas.add(nearThem ? sized(region, people) : SearchArea.anySize(region));
        }
        return areas;
    }

    private static SearchArea sized(Box area, List<Box> people) {
        int shortest = people.stream().mapToInt(Box::height).min().orElseThrow();
        int tallest = people.stream().mapToInt(Box::height).max().orElseThrow();
        return new SearchArea(area, shortest * SHORTER, tallest * TALLER);
    }

    private List<Detection> wholeFrame(Mat bgr, double seconds) {
        lastFullFrameSeconds = seconds;
        List<Detection> people = hog.detect(bgr);
        previous = people.stream().map(person -> new Sighting(person, seconds)).toList();
        return people;
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
