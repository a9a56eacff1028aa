package com.intellivision.console.ui.common;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.Timecode;

/**
 * Checks of what people type for a job, shared by the submit bar and the retry form so both refuse
 * the same things in the same words. Each answers the reason a text cannot be used, or "" if it can.
 */
public final class JobInputs {

    private JobInputs() {}

    /** A time into the video such as {@code 1:30} or {@code 90.5}; blank lets the engine choose. */
    public static String timeProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            Timecode.parseSeconds(text);
            return "";
        } catch (IllegalArgumentException unreadable) {
            return unreadable.getMessage();
        }
    }

    /** A people count's sample rate in frames per second of video. */
    public static String fpsProblem(String text) {
        String value = text == null ? "" : text.strip();
        try {
            new CountParams(Double.parseDouble(value), null, null);
            return "";
        } catch (NumberFormatException notANumber) {
            return "'" + value + "' is not a sample rate: write frames per second of video to analyse, such as 2 or 0.5";
        } catch (IllegalArgumentException outOfRange) {
            return StatusBadge.capitalize(outOfRange.getMessage());
        }
    }
}
