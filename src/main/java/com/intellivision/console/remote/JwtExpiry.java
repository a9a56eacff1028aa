package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** When a JWT expires, read from its {@code exp} claim, to warn before a refresh token runs out. */
public final class JwtExpiry {

    private JwtExpiry() {}

    /**
     * The {@code exp} claim of {@code jwt}, or empty when it is not a JWT or has no such claim. The signature
     * is not checked: only the server can, and the answer is only used to warn people.
     */
    public static Optional<Instant> expiryOf(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.strip().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode exp = JobJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | IOException notAJwt) {
            return Optional.empty();
        }
    }
}
