package com.intellivision.console.ui.common;

/** Failures of deployments and background work, in words for people. */
public final class Failures {

    private Failures() {}

    /** Deployment errors are written for people; falls back to the kind of failure when there is none. */
    public static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected " + failure.getClass().getSimpleName();
        }
        return message;
    }
}
