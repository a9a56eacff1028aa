package com.intellivision.console.media;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds people in frames. Holds native memory: close it when done. */
interface Detector extends AutoCloseable {

    /** The people in a BGR frame, one box each (overlapping guesses already merged), in the frame's pixels. */
    List<Detection> detect(Mat bgr) throws MediaException;

    /**
     * The people in the sampled frame {@code seconds} into the video; frames must come in order. A detector
     * that remembers earlier frames (see {@link MotionRestrictedDetector}) uses the time; others ignore it.
     */
    default List<Detection> detect(Mat bgr, double seconds) throws MediaException {
        return detect(bgr);
    }

    /** How this detector finds people, as the results name it: {@code hog} or {@code onnx:<file name>}. */
    String strategy();

    /** Every way this detector has found people so far, as the results' {@code detection_strategies} list them. */
    default List<String> strategies() {
        return List.of(strategy());
    }

    @Override
    void close();

    /** The ONNX model at {@code modelPath}, or the built-in HOG detector when there is none. */
    static Detector forModel(String modelPath) throws MediaException {
        return modelPath == null ? new HogDetector(HogSettings.DEFAULT) : OnnxDetector.load(Path.of(modelPath));
    }

    /**
     * As {@link #forModel}, HOG looking only where something moved when {@code motionRegions} is set (see
     * {@link MotionRestrictedDetector}). An ONNX model always sees whole frames: it costs one pass of its
     * fixed input size however little of the frame it is given.
     */
    static Detector forCount(String modelPath, boolean motionRegions, double fullFrameEverySeconds) throws MediaException {
        if (modelPath == null && motionRegions) {
            return new MotionRestrictedDetector(new HogDetector(HogSettings.DEFAULT), HogSettings.DEFAULT, fullFrameEverySeconds);
        }
        return forModel(modelPath);
    }
}
