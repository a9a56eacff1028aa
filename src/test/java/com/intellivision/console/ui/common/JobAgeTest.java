package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class JobAgeTest {

    @Test
    void saysAgesInTheLargestWholeUnit() {
        assertThat(JobAge.describe(Duration.ofSeconds(0))).isEqualTo("0 s");
        assertThat(JobAge.describe(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(JobAge.describe(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(JobAge.describe(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(JobAge.describe(Duration.ofMinutes(3).plusSeconds(40))).isEqualTo("3 min");
        assertThat(JobAge.describe(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(JobAge.describe(Duration.ofHours(2).plusMinutes(59))).isEqualTo("2 h");
        assertThat(JobAge.describe(Duration.ofDays(4).plusHours(3))).isEqualTo("4 d");
    }

    @Test
    void aJobFromTheFutureIsZeroSecondsOld() {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        assertThat(JobAge.between(now.plusSeconds(3), now)).isEqualTo("0 s");
    }

    @Test
    void aJobWithoutCreationTimeHasNoAge() {
        assertThat(JobAge.between(null, Instant.now())).isEmpty();
    }
}
