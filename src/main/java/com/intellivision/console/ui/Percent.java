package com.intellivision.console.ui;

/** Progress percentages as the engine reports them (0 to 100), made safe to show. */
final class Percent {

    private Percent() {}

    static String format(double percentage) {
        return Math.round(clamp(percentage)) + " %";
    }

    /** The fraction a ProgressIndicator wants. */
    static double fraction(double percentage) {
        return clamp(percentage) / 100;
    }

    private static double clamp(double percentage) {
        if (Double.isNaN(percentage)) {
            return 0;
        }
        return Math.min(100, Math.max(0, percentage));
    }
}
