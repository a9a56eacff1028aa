package com.intellivision.console.media;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds people in frames. Holds native memory: close it when done. */
interface Detector extends AutoCloseable {

    /** The people in a BGR frame, one box each (overlapping guesses already merged), in the frame's pixels. */
    List<Detection> detect(Mat bgr) throws MediaException;

    /** How this detector finds people, as the results name it: {@code hog} or {@code onnx:<file name>}. */
    String strategy();

    @Override
    void close();

    /** The ONNX model at {@code modelPath}, or the built-in HOG detector when there is none. */
    static Detector forModel(String modelPath) throws MediaException {
        return modelPath == null ? new HogDetector(HogSettings.DEFAULT) : OnnxDetector.load(Path.of(modelPath));
    }
}
