package com.intellivision.console.job;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timestamps as people type them ({@code 90}, {@code 1:30}, {@code 00:01:30.5}) to and from seconds. */
public final class Timecode {

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Timecode() {}

    /**
     * Reads {@code SS[.fff]}, {@code MM:SS[.fff]} or {@code HH:MM:SS[.fff]}.
     *
     * @throws IllegalArgumentException with a message fit to show a person
     */
    public static double parseSeconds(String text) {
        String value = text == null ? "" : text.strip();
        if (SECONDS.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        Matcher clock = CLOCK.matcher(value);
        if (clock.matches()) {
            double hours = clock.group(1) == null ? 0 : Double.parseDouble(clock.group(1));
            double minutes = Double.parseDouble(clock.group(2));
            double seconds = Double.parseDouble(clock.group(3));
            if (minutes < 60 && seconds < 60) {
                return hours * 3600 + minutes * 60 + seconds;
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a timestamp: write seconds (90) or a clock time (1:30 or 00:01:30)");
    }

    /** Formats as {@code HH:MM:SS}, with milliseconds only when there are some. */
    public static String format(double seconds) {
        long millis = Math.round(seconds * 1000);
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long secs = millis / 1000 % 60;
        long rest = millis % 1000;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, secs);
        return rest == 0 ? clock : clock + String.format(Locale.ROOT, ".%03d", rest);
    }
}
