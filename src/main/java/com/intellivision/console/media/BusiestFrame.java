package com.intellivision.console.media;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Keeps a copy of the analysed frame with the most people in it, and writes it with each person's box
 * and track number drawn on: the picture that shows what the count saw.
 */
final class BusiestFrame implements AutoCloseable {

    /** Magenta: next to no video has it, so the boxes stand out (and tests can find them). */
    static final int BOX_RGB = 0xFF00FF;
    private static final int LINE_THICKNESS = 2;
    private static final double LABEL_SCALE = 0.5;

    private final Mat copy = new Mat();
    private List<TrackedBox> people;
    private double seconds;

    /** Keeps this frame if it shows more people than the busiest so far (or is the first). */
    void offer(Mat bgr, double frameSeconds, List<TrackedBox> inFrame) {
        if (people == null || inFrame.size() > people.size()) {
            bgr.copyTo(copy);
            people = List.copyOf(inFrame);
            seconds = frameSeconds;
        }
    }

    /** Seconds into the video of the frame kept. */
    double seconds() {
        return seconds;
    }

    /** Draws the boxes on the kept frame and writes it as a PNG, never leaving half a file. */
    void write(Path png) throws MediaException {
        write(png, null);
    }

    /** As {@link #write(Path)}, having first written the frame as it was to {@code clean}, unless that is null. */
    void write(Path png, Path clean) throws MediaException {
        try (PointerScope temporaries = new PointerScope();
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            if (clean != null) {
                ImageEncoder.write(converter.convert(copy), clean);
            }
            Scalar magenta = new Scalar(BOX_RGB & 0xFF, BOX_RGB >> 8 & 0xFF, BOX_RGB >> 16 & 0xFF, 0);
            for (TrackedBox person : people) {
                Box box = person.box();
                rectangle(copy, new Rect(box.x(), box.y(), box.width(), box.height()), magenta, LINE_THICKNESS, LINE_8, 0);
                Point labelAt = new Point(box.x(), Math.max(12, box.y() - 4));
                putText(copy, "#" + person.trackId(), labelAt, FONT_HERSHEY_SIMPLEX, LABEL_SCALE, magenta, 1, LINE_8, false);
            }
            ImageEncoder.write(converter.convert(copy), png);
        }
    }

    @Override
    public void close() {
        copy.close();
    }
}
