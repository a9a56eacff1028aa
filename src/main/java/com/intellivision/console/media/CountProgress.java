package com.intellivision.console.media;

import com.intellivision.console.job.PersonBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.javacv.Frame;
import com.intellivision.console.job.ProgressDetails;

/**
 * Tells {@link Progress} how a count goes: frames analysed, frames to go, rate and time left, at most
 * four times a second however fast frames go by, so that the console is not flooded. Each report is
 * also where the job can be cancelled. Where asked, twice a second at most, a report also carries the
 * frame just analysed with its people, written as a small JPEG of its own name; the one before it is
 * kept for a console still loading it, older ones are removed.
 */
final class CountProgress {

    static final String STAGE = "counting people";
    private static final long NANOS_BETWEEN_REPORTS = 250_000_000;
    private static final long NANOS_BETWEEN_LIVE_FRAMES = 500_000_000;
    /** Enough to see who is where, and quick to encode and to load. */
    private static final int LIVE_JPEG_QUALITY = 75;
    private static final double FIRST_PERCENT = 10;
    private static final double LAST_PERCENT = 95;

    private final Progress progress;
    private final long expectedSamples;
    private final String previewUrl;
    private final IntFunction<Path> liveFrameFile;
    private final long startedNanos = System.nanoTime();
    private long samplesDone;
    private long lastReportNanos;
    private long lastLiveFrameNanos;
    private boolean reported;
    private int liveFrames;

    /**
     * @param expectedSamples the samples the whole video should give; 0 if unknown (a live stream)
     * @param previewUrl an image of the video to show meanwhile (a YouTube thumbnail), or null
     */
    CountProgress(Progress progress, long expectedSamples, String previewUrl) {
        this(progress, expectedSamples, previewUrl, null);
    }

    /** @param liveFrameFile where to write the n-th live frame (from 0), or null for none */
    CountProgress(Progress progress, long expectedSamples, String previewUrl, IntFunction<Path> liveFrameFile) {
        this.progress = progress;
        this.expectedSamples = expectedSamples;
        this.previewUrl = previewUrl;
        this.liveFrameFile = liveFrameFile;
    }

    /** Counts one more analysed frame and reports if it is time to. */
    void sampleDone() {
        sampleDone(null, 0, List.of());
    }

    /** Counts one more analysed frame, {@code frame} at {@code seconds} with {@code people} in it, and reports if it is time to. */
    void sampleDone(Frame frame, double frameSeconds, List<PersonBox> people) {
        samplesDone++;
        long now = System.nanoTime();
        if (reported && now - lastReportNanos < NANOS_BETWEEN_REPORTS) {
            return;
        }
        reported = true;
        lastReportNanos = now;
        double seconds = (now - startedNanos) / 1e9;
        double rate = seconds > 0 ? samplesDone / seconds : 0;
        Long total = expectedSamples > 0 ? Math.max(expectedSamples, samplesDone) : null;
        Double remaining = total != null && rate > 0 ? round((total - samplesDone) / rate) : null;
        double done = total == null ? 0 : (double) samplesDone / total;
        ProgressDetails.LiveFrame live = frame != null && liveFrameFile != null && now - lastLiveFrameNanos >= NANOS_BETWEEN_LIVE_FRAMES
                ? writeLiveFrame(frame, frameSeconds, people) : null;
        if (live != null) {
            lastLiveFrameNanos = now;
        }
        progress.report(FIRST_PERCENT + (LAST_PERCENT - FIRST_PERCENT) * done, STAGE,
                new ProgressDetails(samplesDone, total, remaining, round(rate), previewUrl, live));
    }

    private ProgressDetails.LiveFrame writeLiveFrame(Frame frame, double seconds, List<PersonBox> people) {
        Path file = liveFrameFile.apply(liveFrames);
        try {
            ImageEncoder.write(frame, file, LIVE_JPEG_QUALITY);
        } catch (MediaException cannotWrite) {
            // Only something to look at: the count goes on without it.
            return null;
        }
        if (liveFrames >= 2) {
            try {
                Files.deleteIfExists(liveFrameFile.apply(liveFrames - 2));
            } catch (IOException stillThere) {
                // Removed with the job's other files at the end.
            }
        }
        liveFrames++;
        return new ProgressDetails.LiveFrame(file.toUri().toString(), CountAlerts.roundedToMillis(seconds), people);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
