package com.intellivision.console.ui.common;

/** Progress percentages as the engine reports them (0 to 100), made safe to show. */
public final class Percent {

    private Percent() {}

    public static String format(double percentage) {
        return Math.round(clamp(percentage)) + " %";
    }

    /** The fraction a ProgressIndicator wants. */
    /** A rate as a whole percentage; a rate above zero never shows as "0 %". */
    public static String ofRate(double rate) {
        double percentage = rate * 100;
        if (percentage > 0 && percentage < 0.5) {
            return "<1 %";
        }
        return format(percentage);
    }

    /** Failing this often, a queue is shown in the alarm colour and raises an alert. */
    static final double ALARMING_FAILURE_RATE = 0.20;

    public static boolean isAlarmingFailureRate(double failureRate) {
        return failureRate >= ALARMING_FAILURE_RATE;
    }

    public static double fraction(double percentage) {
        return clamp(percentage) / 100;
    }

    private static double clamp(double percentage) {
        if (Double.isNaN(percentage)) {
            return 0;
        }
        return Math.min(100, Math.max(0, percentage));
    }
}
