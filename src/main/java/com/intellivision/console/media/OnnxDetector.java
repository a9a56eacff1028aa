package com.intellivision.console.media;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Finds people with a YOLO-style object detector in ONNX format, run on the CPU by OpenCV's DNN module.
 *
 * <p>The model must take one 1x3x640x640 input: an RGB image scaled to 0..1, letterboxed (resized to fit,
 * the rest grey). Its first output must be either
 * <ul>
 *   <li>{@code [1, 4 + classes, candidates]}, as YOLOv8 and YOLO11 give: centre x, centre y, width and height
 *       in input pixels, then one score per class; or</li>
 *   <li>{@code [1, candidates, 5 + classes]}, as YOLOv5 gives: the box, an objectness score, then one score
 *       per class.</li>
 * </ul>
 * Class 0 must be "person", as in COCO. Ultralytics' {@code yolo export model=yolov8n.pt format=onnx}
 * makes such a model; a model trained on people alone (one class) works too.
 */
final class OnnxDetector implements Detector {

    static final int INPUT_SIZE = 640;
    private static final double MIN_SCORE = 0.4;
    private static final double MAX_OVERLAP = 0.45;
    private static final Scalar LETTERBOX_GREY = new Scalar(114, 114, 114, 0);
    /** OpenCV's errors read "OpenCV(4.11.0) /path/file.cpp:283: error: (-210:Unsupported format) What happened in function 'f'". */
    private static final Pattern OPENCV_ERROR = Pattern.compile("error: \\([^)]*\\)\\s*(.*?)(?:\\s+in function|$)", Pattern.DOTALL);

    private final Net net;
    private final String modelName;
    private final Mat letterboxed = new Mat(INPUT_SIZE, INPUT_SIZE, CV_8UC3);

    private OnnxDetector(Net net, String modelName) {
        this.net = net;
        this.modelName = modelName;
    }

    static OnnxDetector load(Path model) throws MediaException {
        if (!Files.isRegularFile(model)) {
            throw new MediaException("The person detector model " + model + " does not exist. Give the path of a YOLO person "
                    + "detector in ONNX format, or leave the model out to count with the built-in HOG detector.");
        }
        Net net;
        try {
            net = readNetFromONNX(model.toString());
        } catch (RuntimeException notOnnx) {
            throw new MediaException("The file " + model + " is not an ONNX model OpenCV can load (" + reason(notOnnx)
                    + "). Export the detector to ONNX (for example 'yolo export model=yolov8n.pt format=onnx'), or leave the "
                    + "model out to count with the built-in HOG detector.", notOnnx);
        }
        if (net.empty()) {
            throw new MediaException("The model " + model + " holds no network. Give a YOLO person detector in ONNX format.");
        }
        return new OnnxDetector(net, model.getFileName().toString());
    }

    @Override
    public List<Detection> detect(Mat bgr) throws MediaException {
        try (PointerScope temporaries = new PointerScope()) {
            double scale = letterbox(bgr);
            net.setInput(blobFromImage(letterboxed, 1 / 255.0, new Size(INPUT_SIZE, INPUT_SIZE), new Scalar(0.0), true, false, CV_32F));
            Mat output;
            try {
                output = net.forward();
            } catch (RuntimeException failed) {
                throw new MediaException("The model " + modelName + " could not run on a 640x640 image (" + reason(failed)
                        + "). Give a YOLO person detector exported to ONNX with a 640x640 input.", failed);
            }
            List<Detection> candidates = YoloOutput.people(output, MIN_SCORE, scale, bgr.cols(), bgr.rows(), modelName);
            return OverlapSuppression.keepBest(candidates, MIN_SCORE, MAX_OVERLAP);
        }
    }

    @Override
    public String strategy() {
        return "onnx:" + modelName;
    }

    @Override
    public void close() {
        net.close();
        letterboxed.close();
    }

    /** Fits the frame into the square input, keeping its proportions; returns the factor applied. */
    private double letterbox(Mat bgr) {
        double scale = Math.min((double) INPUT_SIZE / bgr.cols(), (double) INPUT_SIZE / bgr.rows());
        int width = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int height = Math.max(1, (int) Math.round(bgr.rows() * scale));
        letterboxed.put(LETTERBOX_GREY);
        Mat fitted = letterboxed.apply(new Rect(0, 0, width, height));
        resize(bgr, fitted, fitted.size(), 0, 0, INTER_LINEAR);
        return scale;
    }

    /** What an OpenCV error says, without its version, source file and function ("Failed to parse ONNX model"). */
    private static String reason(RuntimeException openCvError) {
        String message = openCvError.getMessage() == null ? "" : openCvError.getMessage().strip();
        Matcher said = OPENCV_ERROR.matcher(message);
        if (said.find()) {
            return said.group(1).strip();
        }
        return message.isEmpty() ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
