package com.intellivision.console.media;

import static org.bytedeco.opencv.global.opencv_dnn.NMSBoxes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;

/**
 * Detectors find each person several times, at neighbouring positions and scales; non-maximum
 * suppression (OpenCV's {@code NMSBoxes}) keeps the best-scoring box of every group that overlaps.
 *
 * <p>Of boxes scoring the same, {@code NMSBoxes} keeps the first it is given, and HOG's threads hand
 * over their windows in whatever order they finish: candidates are put in one order first, so that
 * the same frame always gives the same people.
 */
final class OverlapSuppression {

    /** Best first; of equal scores, the one nearest the top left, then the smaller. */
    private static final Comparator<Detection> ONE_ORDER = Comparator.comparingDouble((Detection detection) -> -detection.score())
            .thenComparingInt(detection -> detection.box().y())
            .thenComparingInt(detection -> detection.box().x())
            .thenComparingInt(detection -> detection.box().height())
            .thenComparingInt(detection -> detection.box().width());

    private OverlapSuppression() {}

    /**
     * @param minScore candidates scoring less are dropped first
     * @param maxOverlap a box overlapping a better one by more than this (intersection over union) is dropped
     */
    static List<Detection> keepBest(List<Detection> found, double minScore, double maxOverlap) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Detection> candidates = found.stream().sorted(ONE_ORDER).toList();
        try (PointerScope scope = new PointerScope()) {
            RectVector boxes = new RectVector(candidates.size());
            FloatPointer scores = new FloatPointer(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                Box box = candidates.get(i).box();
                boxes.put(i, new Rect(box.x(), box.y(), box.width(), box.height()));
                scores.put(i, candidates.get(i).score());
            }
            IntPointer kept = new IntPointer();
            NMSBoxes(boxes, scores, (float) minScore, (float) maxOverlap, kept);
            List<Detection> best = new ArrayList<>();
            for (long i = 0; i < kept.limit(); i++) {
                best.add(candidates.get(kept.get(i)));
            }
            return best;
        }
    }
}
