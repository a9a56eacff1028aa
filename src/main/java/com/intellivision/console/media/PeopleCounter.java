package com.intellivision.console.media;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.CountSegment;
import com.intellivision.console.job.PeopleCountResult;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Counts the different people in a video: analyses frames at a steady rate ({@link FrameSampler}), finds
 * the people in each ({@link Detector}), follows them from frame to frame ({@link BoxTracker}), and
 * counts once each track seen at least twice. Writes the busiest frame with its people boxed. With HOG,
 * unless the count's settings say otherwise, only the parts of a frame where something moved are
 * searched ({@link MotionRestrictedDetector}).
 *
 * <p>OpenCV is loaded by the first count, not before: it costs a worker some 80 MiB that frame
 * extraction does not need. Creating a counter loads nothing.
 */
public final class PeopleCounter {

    private final java.time.Duration readTimeout;

    public PeopleCounter() {
        this(NetworkReading.DEFAULT_READ_TIMEOUT);
    }

    /** @param readTimeout how long a silent server is waited for */
    public PeopleCounter(java.time.Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * @param annotatedImage where to write the busiest frame, boxed, as a PNG
     * @param progress told how far the count is; may throw {@link java.util.concurrent.CancellationException} to stop it
     * @return the results, timed from the start of this call
     */
    public PeopleCountResult count(VideoSource source, CountParams params, Path annotatedImage, Progress progress) throws MediaException {
        return count(source, params, annotatedImage, null, progress);
    }

    /**
     * As {@link #count(VideoSource, CountParams, Path, Progress)}, also writing the busiest frame as it
     * was, without boxes, to {@code cleanImage} (a PNG) unless that is null.
     */
    public PeopleCountResult count(VideoSource source, CountParams params, Path annotatedImage, Path cleanImage, Progress progress)
            throws MediaException {
        return count(source, params, annotatedImage, cleanImage, null, progress);
    }

    /**
     * As {@link #count(VideoSource, CountParams, Path, Path, Progress)}, also reporting with the progress,
     * twice a second at most, the frame being analysed with its people, written to {@code liveFrames}
     * (the n-th from 0) unless that is null.
     */
    public PeopleCountResult count(VideoSource source, CountParams params, Path annotatedImage, Path cleanImage,
            IntFunction<Path> liveFrames, Progress progress) throws MediaException {
        return run(source, params, null, annotatedImage, cleanImage, liveFrames, progress).result();
    }

    /**
     * What one part of a split count found.
     *
     * @param result the part's count of its segment, or null when the video is cut into fewer parts than
     *     this one's index and it has nothing to count
     * @param segment the stretch of the video the part covered, and into how many parts the video is cut
     */
    public record PartCount(PeopleCountResult result, CountSegment segment) {}

    /**
     * Counts part {@code index} of a video cut into {@code asked} parts, or fewer where it is short (see
     * {@link CountSegment#of}): its own stretch and the overlap before it, on the same sample times as a
     * count of the whole video. Otherwise as {@link #count(VideoSource, CountParams, Path, Path, IntFunction, Progress)}.
     *
     * @param partsKnown told, once the video's length is known, into how many parts it is cut
     */
    public PartCount countPart(VideoSource source, CountParams params, int index, int asked, IntConsumer partsKnown, Path annotatedImage,
            Path cleanImage, IntFunction<Path> liveFrames, Progress progress) throws MediaException {
        return run(source, params, new Split(index, asked, partsKnown), annotatedImage, cleanImage, liveFrames, progress);
    }

    /** Which part of a split count to run, and who to tell into how many parts the video is cut. */
    private record Split(int index, int asked, IntConsumer partsKnown) {}

    private PartCount run(VideoSource source, CountParams params, Split split, Path annotatedImage, Path cleanImage,
            IntFunction<Path> liveFrames, Progress progress) throws MediaException {
        long started = System.nanoTime();
        progress.report(5, "opening video");
        try (FFmpegFrameGrabber grabber = VideoOpener.open(source, readTimeout)) {
            if (!grabber.hasVideo()) {
                throw new MediaException(source.title() + " has no video track (it may be audio only). Choose a video.");
            }
            FrameSampler sampler = new FrameSampler(grabber, params.fps());
            CountSegment segment = null;
            if (split != null) {
                segment = CountSegment.of(split.index(), split.asked(), sampler.durationSeconds());
                split.partsKnown().accept(segment.parts());
                if (segment.isEmpty()) {
                    return new PartCount(null, segment);
                }
                sampler.limitTo(segment.countedFrom(), segment.untilSeconds());
            }
            progress.report(8, "loading the person detector");
            try (Detector detector = Detector.forCount(params.detectorModel(), params.usesMotionRegions(), params.fullFrameSeconds());
                    CountTally tally = new CountTally(sampler.samplesPerSecond(), params.alertThreshold());
                    OpenCVFrameConverter.ToMat frames = new OpenCVFrameConverter.ToMat()) {
                CountProgress countProgress = new CountProgress(progress, sampler.expectedSamples(), source.thumbnailUrl(), liveFrames);
                for (Frame frame = sampler.next(); frame != null; frame = sampler.next()) {
                    Mat bgr = frames.convert(frame);
                    double seconds = sampler.secondsOf(frame);
                    PeopleCountResult.Sample sample = tally.add(bgr, seconds, detector.detect(bgr, seconds));
                    countProgress.sampleDone(frame, sample.timestamp(), sample.boxes());
                }
                if (tally.isEmpty()) {
                    throw nothingDecoded(source, sampler);
                }
                tally.finish(sampler);
                progress.report(97, "writing annotated image");
                tally.writeBusiestFrame(annotatedImage, cleanImage);
                return new PartCount(tally.result(detector.strategies(), grabber.getImageWidth(), grabber.getImageHeight(),
                        (System.nanoTime() - started) / 1e9), segment);
            }
        } catch (FrameGrabber.Exception closeFailure) {
            throw new MediaException("The video " + source.title() + " could not be closed cleanly: " + closeFailure.getMessage(), closeFailure);
        }
    }

    private static MediaException nothingDecoded(VideoSource source, FrameSampler sampler) {
        String ffmpegSays = sampler.damage().isEmpty() ? FFmpegMessages.recent() : sampler.damage().get(0).ffmpegSays();
        String detail = ffmpegSays.isEmpty() ? "" : " (FFmpeg: " + ffmpegSays + ")";
        return new MediaException("No frame of " + source.title() + " could be decoded" + detail
                + ": the video is damaged or in a format FFmpeg cannot decode. Check that it plays in a video player.");
    }
}
