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
        double factor = settings.resizeFactor(bgr.rows());
        try (PointerScope temporaries = new PointerScope()) {
            Mat image = bgr;
            if (factor != 1) {
                resize(bgr, resized, new Size(), factor, factor, INTER_LINEAR);
                image = resized;
            }
            if (image.cols() < WINDOW_WIDTH || image.rows() < WINDOW_HEIGHT) {
                return List.of();
            }
            RectVector windows = new RectVector();
            DoublePointer scores = new DoublePointer();
            // HOG drops the windows scoring under the minimum itself; it leaves overlapping ones alone (group
            // threshold 0) for NMS to merge below, as it does for every detector.
            hog.detectMultiScale(image, windows, scores, settings.minScore(), stride, padding, settings.pyramidScale(), 0, false);
            List<Detection> candidates = new ArrayList<>((int) windows.size());
            for (long i = 0; i < windows.size(); i++) {
                Box person = personIn(windows.get(i)).scaledBy(1 / factor);
                candidates.add(new Detection(person, (float) scores.get(i)));
            }
            return OverlapSuppression.keepBest(candidates, settings.minScore(), settings.maxOverlap());
        }
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
