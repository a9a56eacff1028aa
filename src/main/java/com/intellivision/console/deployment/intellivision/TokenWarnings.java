package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.EngineEvent.Warning;
import com.intellivision.console.remote.JwtExpiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Warns before the console loses access to a server: when the refresh token (7 days on IntelliVision)
 * is about to expire or has, or, without one, when the access token (2 hours) is. Each warning is
 * given once, and again only when it gets worse (expired).
 */
final class TokenWarnings {

    static final Duration REFRESH_WARNING = Duration.ofHours(24);
    static final Duration ACCESS_WARNING = Duration.ofMinutes(30);

    private final String deploymentName;
    private final Supplier<String> accessToken;
    private final Optional<String> refreshToken;
    private final Clock clock;
    private final Consumer<Warning> warn;
    private String lastWarned = "";

    TokenWarnings(String deploymentName, Supplier<String> accessToken, Optional<String> refreshToken, Clock clock, Consumer<Warning> warn) {
        this.deploymentName = deploymentName;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.clock = clock;
        this.warn = warn;
    }

    synchronized void check() {
        String which = refreshToken.isPresent() ? "refresh token" : "access token";
        Optional<Instant> expiry = JwtExpiry.expiryOf(refreshToken.orElseGet(accessToken));
        if (expiry.isEmpty()) {
            return;
        }
        Duration left = Duration.between(clock.instant(), expiry.get());
        Duration warnBefore = refreshToken.isPresent() ? REFRESH_WARNING : ACCESS_WARNING;
        String what = refreshToken.isPresent() ? "renew its access" : "reach it";
        String level;
        Warning warning;
        if (left.isNegative() || left.isZero()) {
            level = "expired";
            warning = new Warning("The " + which + " of " + deploymentName + " has expired",
                    "Paste new tokens in the deployment's settings (Edit); until then the console cannot " + what + ".");
        } else if (left.compareTo(warnBefore) < 0) {
            level = "soon";
            warning = new Warning("The " + which + " of " + deploymentName + " expires in " + inWords(left),
                    "Paste a new one in the deployment's settings (Edit) before then, or the console can no longer " + what + ".");
        } else {
            lastWarned = "";
            return;
        }
        if (!level.equals(lastWarned)) {
            lastWarned = level;
            warn.accept(warning);
        }
    }

    private static String inWords(Duration left) {
        return left.toHours() >= 1 ? left.toHours() + (left.toHours() == 1 ? " hour" : " hours")
                : Math.max(1, left.toMinutes()) + (left.toMinutes() == 1 ? " minute" : " minutes");
    }
}
