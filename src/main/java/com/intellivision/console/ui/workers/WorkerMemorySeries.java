package com.intellivision.console.ui.workers;

import java.util.Arrays;

/**
 * One worker's kept memory samples, oldest first, as two growing arrays of epoch seconds and MiB: a
 * day of one sample a second is 1.4 MB, where as many objects would be ten times that. Samples that
 * arrive out of order are dropped, those older than the kept span are forgotten from the front.
 *
 * <p>Beside the samples it keeps their peak per {@link #COARSE_SECONDS} seconds, as they arrive, so a
 * long span is drawn from a tenth of the points: a day of sixteen workers redraws in a millisecond or
 * two rather than fifteen.
 */
final class WorkerMemorySeries {

    /** The coarse peaks' bucket, in seconds. */
    static final double COARSE_SECONDS = 10;

    private double[] seconds = new double[256];
    private double[] mebibytes = new double[256];
    private int first;
    private int end;
    /** The peak of every {@link #COARSE_SECONDS}, at the bucket's start; null in the coarse series itself. */
    private final WorkerMemorySeries coarse;

    WorkerMemorySeries() {
        this(true);
    }

    private WorkerMemorySeries(boolean withCoarsePeaks) {
        coarse = withCoarsePeaks ? new WorkerMemorySeries(false) : null;
    }

    /** The peaks per {@link #COARSE_SECONDS} of these samples. */
    WorkerMemorySeries coarse() {
        return coarse;
    }

    int size() {
        return end - first;
    }

    double secondsAt(int index) {
        return seconds[first + index];
    }

    double mebibytesAt(int index) {
        return mebibytes[first + index];
    }

    double lastSeconds() {
        return size() == 0 ? Double.NEGATIVE_INFINITY : seconds[end - 1];
    }

    /** Adds a sample after the others; one older than the last is dropped. */
    void add(double at, double mib) {
        if (at < lastSeconds()) {
            return;
        }
        if (end == seconds.length) {
            makeRoom();
        }
        seconds[end] = at;
        mebibytes[end] = mib;
        end++;
        if (coarse != null) {
            coarse.addPeak(Math.floor(at / COARSE_SECONDS) * COARSE_SECONDS, mib);
        }
    }

    /** Raises the last point if it is at {@code bucketStart}, else adds one there. */
    private void addPeak(double bucketStart, double mib) {
        if (size() > 0 && seconds[end - 1] == bucketStart) {
            mebibytes[end - 1] = Math.max(mebibytes[end - 1], mib);
        } else {
            add(bucketStart, mib);
        }
    }

    /** Puts samples older than the first one kept in front of it, oldest first; the others are known already. */
    void prepend(double[] olderSeconds, double[] olderMebibytes) {
        double firstKnown = size() == 0 ? Double.POSITIVE_INFINITY : seconds[first];
        int taken = 0;
        while (taken < olderSeconds.length && olderSeconds[taken] < firstKnown) {
            taken++;
        }
        if (taken == 0) {
            return;
        }
        double[] joinedSeconds = new double[Math.max(256, (taken + size()) * 2)];
        double[] joinedMebibytes = new double[joinedSeconds.length];
        System.arraycopy(olderSeconds, 0, joinedSeconds, 0, taken);
        System.arraycopy(olderMebibytes, 0, joinedMebibytes, 0, taken);
        System.arraycopy(seconds, first, joinedSeconds, taken, size());
        System.arraycopy(mebibytes, first, joinedMebibytes, taken, size());
        end = taken + size();
        first = 0;
        seconds = joinedSeconds;
        mebibytes = joinedMebibytes;
        if (coarse != null) {
            coarse.first = 0;
            coarse.end = 0;
            for (int i = first; i < end; i++) {
                coarse.addPeak(Math.floor(seconds[i] / COARSE_SECONDS) * COARSE_SECONDS, mebibytes[i]);
            }
        }
    }

    /** Forgets the samples before {@code keptFrom}. */
    void forgetBefore(double keptFrom) {
        while (first < end && seconds[first] < keptFrom) {
            first++;
        }
        if (coarse != null) {
            coarse.forgetBefore(Math.floor(keptFrom / COARSE_SECONDS) * COARSE_SECONDS);
        }
    }

    /** The index of the first sample at or after {@code at}; {@link #size()} if there is none. */
    int indexFrom(double at) {
        int found = Arrays.binarySearch(seconds, first, end, at);
        if (found < 0) {
            return -found - 1 - first;
        }
        while (found > first && seconds[found - 1] == at) {
            found--;
        }
        return found - first;
    }

    /**
     * The samples from {@code from} to {@code to}, one point per bucket of {@code bucketSeconds} at the
     * bucket's peak, so a short spike stays visible however long the span; a bucket of 0 keeps every sample.
     */
    double[][] plot(double from, double to, double bucketSeconds) {
        int start = indexFrom(from);
        int stop = indexFrom(Math.nextUp(to));
        int count = Math.max(0, stop - start);
        double[] xs = new double[count];
        double[] ys = new double[count];
        int points = 0;
        long lastBucket = Long.MIN_VALUE;
        for (int i = start; i < stop; i++) {
            double at = secondsAt(i);
            double mib = mebibytesAt(i);
            long bucket = bucketSeconds > 0 ? (long) Math.floor(at / bucketSeconds) : i;
            if (bucket == lastBucket && points > 0) {
                ys[points - 1] = Math.max(ys[points - 1], mib);
                continue;
            }
            lastBucket = bucket;
            xs[points] = at;
            ys[points] = mib;
            points++;
        }
        return new double[][] {Arrays.copyOf(xs, points), Arrays.copyOf(ys, points)};
    }

    private void makeRoom() {
        int kept = size();
        double[] movedSeconds = seconds;
        double[] movedMebibytes = mebibytes;
        // Reuse the arrays when half of them is forgotten samples; grow them otherwise.
        if (first < seconds.length / 2) {
            movedSeconds = new double[seconds.length * 2];
            movedMebibytes = new double[seconds.length * 2];
        }
        System.arraycopy(seconds, first, movedSeconds, 0, kept);
        System.arraycopy(mebibytes, first, movedMebibytes, 0, kept);
        seconds = movedSeconds;
        mebibytes = movedMebibytes;
        first = 0;
        end = kept;
    }
}
