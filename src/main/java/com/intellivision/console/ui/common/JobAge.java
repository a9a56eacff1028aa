package com.intellivision.console.ui.common;

import java.time.Duration;
import java.time.Instant;

/** How long ago a job was created, the way people say it: "12 s", "3 min", "2 h", "4 d". */
public final class JobAge {

    private JobAge() {}

    static String between(Instant createdAt, Instant now) {
        if (createdAt == null) {
            return "";
        }
        return describe(Duration.between(createdAt, now));
    }

    static String describe(Duration age) {
        // A clock a little behind the engine's must not show a job from the future.
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }
}
