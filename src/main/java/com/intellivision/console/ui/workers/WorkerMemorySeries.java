package com.intellivision.console.ui.workers;

import java.util.Arrays;

/**
 * One worker's kept memory samples, oldest first, as two growing arrays of epoch seconds and MiB: a
 * day of one sample a second is 1.4 MB, where as many objects would be ten times that. Samples that
 * arrive out of order are dropped, those older than the kept span are forgotten from the front.
 */
final class WorkerMemorySeries {

    private double[] seconds = new double[256];
    private double[] mebibytes = new double[256];
    private int first;
    private int end;

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
    }

    /** Forgets the samples before {@code keptFrom}. */
    void forgetBefore(double keptFrom) {
        while (first < end && seconds[first] < keptFrom) {
            first++;
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
