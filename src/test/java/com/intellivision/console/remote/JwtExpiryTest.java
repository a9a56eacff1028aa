package com.intellivision.console.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtExpiryTest {

    @Test
    void readsTheExpiryOfTheRecordedTokens() {
        assertThat(JwtExpiry.expiryOf(Tokens.REFRESH)).contains(Instant.parse("2026-12-01T09:27:02Z"));
        assertThat(JwtExpiry.expiryOf(Tokens.ACCESS)).contains(Instant.parse("2026-11-24T11:27:02Z"));
        assertThat(JwtExpiry.expiryOf(Tokens.RENEWED_ACCESS)).contains(Instant.parse("2026-11-24T11:27:19Z"));
        assertThat(JwtExpiry.expiryOf(" " + Tokens.EXPIRED_REFRESH + "\n")).contains(Instant.parse("2026-11-24T09:26:02Z"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "not-a-jwt...ot-a-jwt", "eyJhbGciOiJIUzI1NiIsInR5...oFDWp_2w", "a.%%%.b"})
    void knowsNoExpiryOfWhatIsNotAJwt(String token) {
        assertThat(JwtExpiry.expiryOf(token)).isEmpty();
    }

    @Test
    void knowsNoExpiryOfATokenWithoutExp() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"token_type\":\"access\",\"user_id\":1}".getBytes());

        assertThat(JwtExpiry.expiryOf("eyJhbGciOiJIUzI1NiJ9." + payload + ".signature")).isEmpty();
    }
}
