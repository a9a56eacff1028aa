package com.intellivision.console.media;

import com.intellivision.console.job.ProgressDetails;

/**
 * Tells {@link Progress} how a count goes: frames analysed, frames to go, rate and time left, at most
 * four times a second however fast frames go by, so that the console is not flooded. Each report is
 * also where the job can be cancelled.
 */
final class CountProgress {

    static final String STAGE = "counting people";
    private static final long NANOS_BETWEEN_REPORTS = 250_000_000;
    private static final double FIRST_PERCENT = 10;
    private static final double LAST_PERCENT = 95;

    private final Progress progress;
    private final long expectedSamples;
    private final String previewUrl;
    private final long startedNanos = System.nanoTime();
    private long samplesDone;
    private long lastReportNanos;
    private boolean reported;

    /**
     * @param expectedSamples the samples the whole video should give; 0 if unknown (a live stream)
     * @param previewUrl an image of the video to show meanwhile (a YouTube thumbnail), or null
     */
    CountProgress(Progress progress, long expectedSamples, String previewUrl) {
        this.progress = progress;
        this.expectedSamples = expectedSamples;
        this.previewUrl = previewUrl;
    }

    /** Counts one more analysed frame and reports if it is time to. */
    void sampleDone() {
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
        progress.report(FIRST_PERCENT + (LAST_PERCENT - FIRST_PERCENT) * done, STAGE,
                new ProgressDetails(samplesDone, total, remaining, round(rate), previewUrl));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
