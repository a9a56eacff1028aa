package com.intellivision.console.media;

/**
 * How the HOG people detector is run. The defaults balance speed and accuracy on surveillance-style
 * footage such as OpenCV's {@code vtest.avi}, where people are 70 to 150 pixels tall in a 576-line frame.
 *
 * @param workingHeight frames are resized to this height before detection (see {@link #resizeFactor})
 * @param maxUpscale the most a small frame is enlarged: beyond it, enlarging adds time but no detail
 * @param windowStride step in pixels between the detection windows tried
 * @param padding pixels added around the frame, so that people at its edges can be found
 * @param pyramidScale size ratio between the image scales searched (larger is faster, and misses more)
 * @param minScore windows the linear SVM scores below this are not people
 * @param maxOverlap of two boxes overlapping more than this (intersection over union), only the better is kept
 */
public record HogSettings(int workingHeight, double maxUpscale, int windowStride, int padding, double pyramidScale,
        double minScore, double maxOverlap) {

    /**
     * The HOG window is 64x128 pixels with the person some 96 pixels tall in it, so people smaller than
     * about 100 pixels go unseen. Bringing frames to 1000 lines lets a person a tenth of the frame's height
     * be found; finer strides or pyramid steps found no more people in {@code vtest.avi} and took twice
     * as long.
     */
    public static final HogSettings DEFAULT = new HogSettings(1000, 2.0, 8, 8, 1.1, 1.0, 0.4);

    /** The factor a frame {@code frameHeight} pixels tall is resized by before detection. */
    public double resizeFactor(int frameHeight) {
        return Math.min(maxUpscale, (double) workingHeight / frameHeight);
    }
}
