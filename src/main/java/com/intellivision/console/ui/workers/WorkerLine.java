package com.intellivision.console.ui.workers;

/**
 * One worker's memory as the chart draws it: points in time order, x in epoch seconds, y in MiB.
 * The arrays are the line's own; nothing changes them after it is made.
 */
public record WorkerLine(String workerId, double[] seconds, double[] mebibytes) {

    public int size() {
        return seconds.length;
    }

    /** The line's value at {@code at}: the last point at or before it, else the first; NaN for an empty line. */
    public double mebibytesAt(double at) {
        if (seconds.length == 0) {
            return Double.NaN;
        }
        int low = 0;
        int high = seconds.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (seconds[middle] <= at) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return mebibytes[low];
    }

    /** The highest and lowest point between two times, or the value there when no point falls between: {min, max}. */
    public double[] rangeBetween(double from, double to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] >= from && seconds[i] <= to) {
                min = Math.min(min, mebibytes[i]);
                max = Math.max(max, mebibytes[i]);
            }
        }
        if (min > max) {
            double at = mebibytesAt(from);
            return new double[] {at, at};
        }
        return new double[] {min, max};
    }
}
