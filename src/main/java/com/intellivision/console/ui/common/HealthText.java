package com.intellivision.console.ui.common;

import com.intellivision.console.job.ConnectionState;

/** A deployment's health in a few words, for tooltips and banners. */
public final class HealthText {

    private HealthText() {}

    public static String of(ConnectionState state) {
        return switch (state) {
            case CONNECTED -> "Connected";
            case DEGRADED -> "Answering badly: the console keeps trying";
            case DOWN -> "Unreachable: the console keeps trying";
            case BUSY -> "Busy: it takes no new jobs for now";
        };
    }
}
