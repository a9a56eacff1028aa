package com.intellivision.console.ui.common;

/** A number as people write it in a field: {@code 80} or {@code 2.5}, never {@code 80.0}. */
public final class PlainNumber {

    /** Past this a double no longer holds every whole number, so it keeps its own form. */
    private static final double WHOLE_NUMBERS_UP_TO = 1e15;

    private PlainNumber() {}

    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < WHOLE_NUMBERS_UP_TO ? Long.toString((long) value) : Double.toString(value);
    }
}
