package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.util.List;
import org.assertj.core.data.Offset;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The two YOLO output layouts, as synthetic tensors: which candidates are people, and where their boxes fall in the frame. */
class YoloOutputTest {

    private static final int CLASSES = 80;
    /** Real models give thousands; the rest of these score nothing. More than the values per candidate, as in every real model. */
    private static final int CANDIDATES = 300;
    /** A 1280x720 frame letterboxed into 640x640 is halved. */
    private static final double SCALE = 0.5;
    private static final int FRAME_WIDTH = 1280;
    private static final int FRAME_HEIGHT = 720;

    /** One candidate: a box in input pixels, its objectness (YOLOv5 only) and its class scores. */
    private record Candidate(float centerX, float centerY, float width, float height, float objectness, int topClass, float classScore) {}

    private static final List<Candidate> CANDIDATES_GIVEN = List.of(
            new Candidate(100, 200, 40, 120, 0.9f, 0, 0.8f),     // a person, clearly
            new Candidate(300, 150, 60, 60, 0.95f, 2, 0.9f),     // a car: not a person however sure
            new Candidate(500, 100, 30, 90, 0.9f, 0, 0.3f),      // a person below the threshold
            new Candidate(620, 330, 80, 100, 1.0f, 0, 0.6f),     // a person whose box runs off the frame's right and bottom edges
            new Candidate(10, 10, 0, 0, 1.0f, 0, 0.99f),         // a box of no size
            new Candidate(320, 340, 50, 100, 0.5f, 0, 0.7f));    // a person for YOLOv8 (0.7), not for YOLOv5 (0.5 x 0.7); cut at the bottom

    /** {@code [1, 4 + classes, candidates]}: the candidates along the last axis. */
    private static Mat yolo8() {
        Mat output = new Mat(new int[] {1, 4 + CLASSES, CANDIDATES}, CV_32F, new Scalar(0.0));
        try (Mat table = output.reshape(1, 4 + CLASSES); FloatIndexer at = table.createIndexer()) {
            for (int i = 0; i < CANDIDATES_GIVEN.size(); i++) {
                Candidate c = CANDIDATES_GIVEN.get(i);
                float[] values = {c.centerX(), c.centerY(), c.width(), c.height()};
                for (int v = 0; v < 4; v++) {
                    at.put(v, i, values[v]);
                }
                for (int k = 0; k < CLASSES; k++) {
                    at.put(4 + k, i, k == c.topClass() ? c.classScore() : 0.01f);
                }
            }
        }
        return output;
    }

    /** {@code [1, candidates, 5 + classes]}: the candidates along the middle axis, with an objectness. */
    private static Mat yolo5() {
        Mat output = new Mat(new int[] {1, CANDIDATES, 5 + CLASSES}, CV_32F, new Scalar(0.0));
        try (Mat table = output.reshape(1, CANDIDATES); FloatIndexer at = table.createIndexer()) {
            for (int i = 0; i < CANDIDATES_GIVEN.size(); i++) {
                Candidate c = CANDIDATES_GIVEN.get(i);
                float[] values = {c.centerX(), c.centerY(), c.width(), c.height(), c.objectness()};
                for (int v = 0; v < 5; v++) {
                    at.put(i, v, values[v]);
                }
                for (int k = 0; k < CLASSES; k++) {
                    at.put(i, 5 + k, k == c.topClass() ? c.classScore() : 0.01f);
                }
            }
        }
        return output;
    }

    @Test
    void yolo8sPersonScoresAreReadAlongTheLastAxisAndScaledToTheFrame() throws Exception {
        List<Detection> people = YoloOutput.people(yolo8(), 0.4, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "yolov8n.onnx");

        assertThat(people).extracting(Detection::box).containsExactly(
                new Box(160, 280, 80, 240),
                new Box(1160, 560, 120, 160),
                new Box(590, 580, 100, 140));
        assertThat(people).extracting(Detection::score).containsExactly(0.8f, 0.6f, 0.7f);
    }

    @Test
    void yolo5sScoreIsTheObjectnessTimesThePersonClass() throws Exception {
        List<Detection> people = YoloOutput.people(yolo5(), 0.4, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "yolov5s.onnx");

        assertThat(people).extracting(Detection::box).containsExactly(new Box(160, 280, 80, 240), new Box(1160, 560, 120, 160));
        assertThat(people.get(0).score()).isCloseTo(0.72f, Offset.offset(1e-5f));
        assertThat(people.get(1).score()).isCloseTo(0.6f, Offset.offset(1e-5f));
    }

    @Test
    void aThresholdAboveEveryScoreFindsNoOne() throws Exception {
        assertThat(YoloOutput.people(yolo8(), 0.81, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "m.onnx")).isEmpty();
        assertThat(YoloOutput.people(yolo5(), 0.73, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "m.onnx")).isEmpty();
    }

    @Test
    void anOutputOfAnotherShapeIsRefusedWithItsShapeAndWhatToGive() {
        Mat flat = new Mat(new int[] {1, 1000}, CV_32F);
        assertThatThrownBy(() -> YoloOutput.people(flat, 0.4, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "classifier.onnx"))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("classifier.onnx answers with a 1 x 1000 output")
                .hasMessageContaining("Give a YOLO person detector exported to ONNX");
        Mat narrow = new Mat(new int[] {1, 3, 100}, CV_32F);
        assertThatThrownBy(() -> YoloOutput.people(narrow, 0.4, SCALE, FRAME_WIDTH, FRAME_HEIGHT, "narrow.onnx"))
                .hasMessageContaining("1 x 3 x 100");
    }
}
