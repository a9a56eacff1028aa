package com.intellivision.console.media;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads the people out of a YOLO detector's first output, in either of the two layouts models are
 * exported with:
 * <ul>
 *   <li>{@code [1, 4 + classes, candidates]} (YOLOv8, YOLO11): centre x, centre y, width and height in
 *       input pixels, then one score per class, the person's first;</li>
 *   <li>{@code [1, candidates, 5 + classes]} (YOLOv5): the box, an objectness score, then one score per
 *       class; a person's score is the objectness times the person class's.</li>
 * </ul>
 * Boxes come back in the frame's pixels: the input was the frame scaled by {@code scale} and
 * letterboxed from the top-left corner.
 */
final class YoloOutput {

    private YoloOutput() {}

    /** The candidates scored at least {@code minScore} as a person, before overlapping ones are merged. */
    static List<Detection> people(Mat output, double minScore, double scale, int frameWidth, int frameHeight, String modelName)
            throws MediaException {
        if (output.dims() != 3 || output.size(0) != 1) {
            throw unexpectedLayout(output, modelName);
        }
        int rows = output.size(1);
        int columns = output.size(2);
        // Models have far more candidates than values per candidate: the longer axis holds the candidates.
        boolean alongColumns = rows < columns;
        int candidates = alongColumns ? columns : rows;
        int values = alongColumns ? rows : columns;
        if (values < (alongColumns ? 5 : 6)) {
            throw unexpectedLayout(output, modelName);
        }
        List<Detection> found = new ArrayList<>();
        try (Mat table = output.reshape(1, rows); FloatIndexer at = table.createIndexer()) {
            for (int i = 0; i < candidates; i++) {
                double score = alongColumns ? value(at, true, i, 4) : value(at, false, i, 4) * value(at, false, i, 5);
                if (score >= minScore) {
                    Box box = boxInFrame(value(at, alongColumns, i, 0), value(at, alongColumns, i, 1), value(at, alongColumns, i, 2),
                            value(at, alongColumns, i, 3), scale, frameWidth, frameHeight);
                    if (box != null) {
                        found.add(new Detection(box, (float) score));
                    }
                }
            }
        }
        return found;
    }

    /** One value of one candidate, whichever axis the candidates lie along. */
    private static float value(FloatIndexer at, boolean alongColumns, int candidate, int value) {
        return alongColumns ? at.get(value, candidate) : at.get(candidate, value);
    }

    private static Box boxInFrame(double centerX, double centerY, double width, double height, double scale, int frameWidth, int frameHeight) {
        int left = (int) Math.max(0, Math.round((centerX - width / 2) / scale));
        int top = (int) Math.max(0, Math.round((centerY - height / 2) / scale));
        int right = (int) Math.min(frameWidth, Math.round((centerX + width / 2) / scale));
        int bottom = (int) Math.min(frameHeight, Math.round((centerY + height / 2) / scale));
        return right > left && bottom > top ? new Box(left, top, right - left, bottom - top) : null;
    }

    private static MediaException unexpectedLayout(Mat output, String modelName) {
        StringBuilder shape = new StringBuilder();
        for (int axis = 0; axis < output.dims(); axis++) {
            shape.append(axis == 0 ? "" : " x ").append(output.size(axis));
        }
        return new MediaException("The model " + modelName + " answers with a " + shape + " output, not the YOLO layout expected "
                + "(1 x 84 x 8400 or 1 x 25200 x 85, say). Give a YOLO person detector exported to ONNX.");
    }
}
