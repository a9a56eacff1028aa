package com.intellivision.console.media;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;

/**
 * What moved in a fixed camera's view since the frames before: OpenCV's MOG2 background model, kept on
 * a small grey copy of each frame (a few hundred thousand times cheaper than a person detector), its
 * foreground opened (specks of noise gone) and dilated (a person's moving limbs joined), cut into
 * connected blobs. Holds native memory: close it when done.
 */
final class ForegroundBlobs implements AutoCloseable {

    /** The mask's height: a person 70 pixels tall in a 576-line frame is still some 17 blob pixels. */
    static final int MASK_HEIGHT = 144;
    /** Samples the background remembers: at 2 a second, a minute, so someone standing that long becomes scenery. */
    private static final int HISTORY = 120;
    /** MOG2's default squared distance beyond which a pixel is foreground. */
    private static final double VARIANCE_THRESHOLD = 16;
    /** Blobs smaller than this (mask pixels) are noise: leaves, compression, a flicker. */
    private static final int MIN_BLOB_PIXELS = 6;

    /** What one frame showed: the blobs in the frame's pixels, and the share of the mask that changed. */
    record Motion(List<Box> blobs, double foregroundShare) {}

    private final BackgroundSubtractorMOG2 background = createBackgroundSubtractorMOG2(HISTORY, VARIANCE_THRESHOLD, false);
    private final Mat grey = new Mat();
    private final Mat small = new Mat();
    private final Mat mask = new Mat();
    private final Mat cleaned = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat openKernel = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
    private final Mat dilateKernel = getStructuringElement(MORPH_ELLIPSE, new Size(5, 5));

    /** Takes in the next sampled BGR frame; answers what moved in it. The first frame is all foreground. */
    Motion observe(Mat bgr) {
        double factor = Math.min(1.0, (double) MASK_HEIGHT / bgr.rows());
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        Mat input = grey;
        if (factor < 1) {
            try (Size size = new Size(Math.max(1, (int) Math.round(bgr.cols() * factor)), Math.max(1, (int) Math.round(bgr.rows() * factor)))) {
                resize(grey, small, size, 0, 0, INTER_AREA);
            }
            input = small;
        }
        background.apply(input, mask);
        double share = (double) countNonZero(mask) / ((double) mask.rows() * mask.cols());
        morphologyEx(mask, cleaned, MORPH_OPEN, openKernel);
        dilate(cleaned, cleaned, dilateKernel);
        int count = connectedComponentsWithStats(cleaned, labels, stats, centroids);
        double back = (double) bgr.cols() / input.cols();
        double backY = (double) bgr.rows() / input.rows();
        List<Box> blobs = new ArrayList<>();
        try (IntIndexer stat = stats.createIndexer()) {
            for (int label = 1; label < count; label++) { // label 0 is the background
                if (stat.get(label, CC_STAT_AREA) < MIN_BLOB_PIXELS) {
                    continue;
                }
                int x = (int) Math.floor(stat.get(label, CC_STAT_LEFT) * back);
                int y = (int) Math.floor(stat.get(label, CC_STAT_TOP) * backY);
                int width = (int) Math.ceil(stat.get(label, CC_STAT_WIDTH) * back);
                int height = (int) Math.ceil(stat.get(label, CC_STAT_HEIGHT) * backY);
                blobs.add(new Box(x, y, Math.max(1, width), Math.max(1, height)));
            }
        }
        return new Motion(blobs, share);
    }

    @Override
    public void close() {
        background.close();
        grey.close();
        small.close();
        mask.close();
        cleaned.close();
        labels.close();
        stats.close();
        centroids.close();
        openKernel.close();
        dilateKernel.close();
    }
}
