package com.intellivision.console.media;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * Finds standing and walking people with OpenCV's HOG descriptor and its default people detector (a
 * linear SVM trained on the INRIA person set, after Dalal and Triggs). No model file is needed.
 */
final class HogDetector implements Detector {

    static final String STRATEGY = "hog";
    private static final int WINDOW_WIDTH = 64;
    private static final int WINDOW_HEIGHT = 128;
    /** The window leaves some 16 pixels around the person on every side: a quarter of its width, an eighth of its height. */
    private static final int SIDE_MARGIN_DIVISOR = 4;
    private static final int TOP_MARGIN_DIVISOR = 8;

    private final HogSettings settings;
    private final HOGDescriptor hog = new HOGDescriptor();
    private final Size stride;
    private final Size padding;
    private final Mat resized = new Mat();

    HogDetector(HogSettings settings) {
        this.settings = settings;
        this.stride = new Size(settings.windowStride(), settings.windowStride());
        this.padding = new Size(settings.padding(), settings.padding());
        try (FloatPointer coefficients = HOGDescriptor.getDefaultPeopleDetector(); Mat svm = new Mat(coefficients)) {
            hog.setSVMDetector(svm);
        }
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        return search(bgr, List.of(SearchArea.anySize(new Box(0, 0, bgr.cols(), bgr.rows()))));
    }

    /**
     * The people in some parts of a BGR frame (in the frame's pixels, inside it), searched at the scales the
     * whole frame would be: the frame is resized once and each part searched in place, at the scales of the
     * people it can hold. Boxes found twice where parts overlap are merged with the rest.
     */
    List<Detection> search(Mat bgr, List<SearchArea> areas) {
        double factor = settings.resizeFactor(bgr.rows());
        try (PointerScope temporaries = new PointerScope()) {
            Mat image = bgr;
            if (factor != 1) {
                resize(bgr, resized, new Size(), factor, factor, INTER_LINEAR);
                image = resized;
            }
            List<Detection> candidates = new ArrayList<>();
            for (SearchArea area : areas) {
                Rect part = searchedPart(area.box(), factor, image.cols(), image.rows());
                if (part.width() < WINDOW_WIDTH || part.height() < WINDOW_HEIGHT) {
                    continue;
                }
                boolean whole = part.width() == image.cols() && part.height() == image.rows();
                Mat searched = whole ? image : image.apply(part);
                PyramidLevels levels = PyramidLevels.forPeople(area, factor, settings.pyramidScale());
                double shrink = levels.firstScale(settings.pyramidScale());
                if (shrink > 1) {
                    // The levels below the first are left out: the part is brought to the first one's scale, as HOG's
                    // own pyramid would bring the whole frame.
                    Mat smaller = new Mat();
                    resize(searched, smaller, new Size((int) Math.round(searched.cols() / shrink), (int) Math.round(searched.rows() / shrink)), 0, 0, INTER_LINEAR);
                    searched = smaller;
                    if (searched.cols() < WINDOW_WIDTH || searched.rows() < WINDOW_HEIGHT) {
                        continue;
                    }
                }
                RectVector windows = new RectVector();
                DoublePointer scores = new DoublePointer();
                hog.nlevels(levels.count());
                // HOG drops the windows scoring under the minimum itself; it leaves overlapping ones alone (group
                // threshold 0) for NMS to merge below, as it does for every detector.
                hog.detectMultiScale(searched, windows, scores, settings.minScore(), stride, padding, settings.pyramidScale(), 0, false);
                for (long i = 0; i < windows.size(); i++) {
                    Rect window = windows.get(i);
                    Rect inPart = new Rect((int) Math.round(window.x() * shrink) + part.x(), (int) Math.round(window.y() * shrink) + part.y(),
                            (int) Math.round(window.width() * shrink), (int) Math.round(window.height() * shrink));
                    candidates.add(new Detection(personIn(inPart).scaledBy(1 / factor), (float) scores.get(i)));
                }
            }
            return OverlapSuppression.keepBest(candidates, settings.minScore(), settings.maxOverlap());
        }
    }

    /** The height, in the searched (resized) image, of the person a window at scale 1 holds. */
    static double personHeightInWindow() {
        return WINDOW_HEIGHT - 2.0 * (WINDOW_HEIGHT / TOP_MARGIN_DIVISOR);
    }

    /** The size of the detection window in a frame {@code frameHeight} pixels tall (frames are resized first): the least a region can be. */
    static Box windowInFrame(HogSettings settings, int frameHeight) {
        double factor = settings.resizeFactor(frameHeight);
        return new Box(0, 0, (int) Math.ceil(WINDOW_WIDTH / factor), (int) Math.ceil(WINDOW_HEIGHT / factor));
    }

    /**
     * A region at the searched scale, its corner on the window stride's grid, so that its windows fall where
     * the whole frame's would.
     */
    private Rect searchedPart(Box region, double factor, int width, int height) {
        int step = settings.windowStride();
        int left = Math.max(0, (int) Math.floor(region.x() * factor / step) * step);
        int top = Math.max(0, (int) Math.floor(region.y() * factor / step) * step);
        int right = Math.min(width, (int) Math.ceil(region.right() * factor));
        int bottom = Math.min(height, (int) Math.ceil(region.bottom() * factor));
        return new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    @Override
    public String strategy() {
        return STRATEGY;
    }

    @Override
    public void close() {
        hog.close();
        stride.close();
        padding.close();
        resized.close();
    }

    /** The person inside a detection window, without the margin the SVM was trained with. */
    private static Box personIn(Rect window) {
        int sideMargin = window.width() / SIDE_MARGIN_DIVISOR;
        int topMargin = window.height() / TOP_MARGIN_DIVISOR;
        return new Box(window.x() + sideMargin, window.y() + topMargin, window.width() - 2 * sideMargin, window.height() - 2 * topMargin);
    }
}
