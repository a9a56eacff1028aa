package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeDisplayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-12-01T15:30:00Z");

    @Test
    void eachDisplayShowsTheMomentItsOwnWay() {
        Instant earlierToday = Instant.parse("2026-12-01T15:27:55Z");
        Instant lastWeek = Instant.parse("2026-11-24T08:05:00Z");

        assertThat(TimeDisplay.RELATIVE.format(earlierToday, NOW, PARIS)).isEqualTo("2 min");
        assertThat(TimeDisplay.LOCAL.format(earlierToday, NOW, PARIS)).isEqualTo("16:27:55");
        assertThat(TimeDisplay.UTC.format(earlierToday, NOW, PARIS)).isEqualTo("15:27:55");
        assertThat(TimeDisplay.LOCAL.format(lastWeek, NOW, PARIS)).isEqualTo("11-24 09:05");
        assertThat(TimeDisplay.UTC.format(lastWeek, NOW, PARIS)).isEqualTo("11-24 08:05");
        assertThat(TimeDisplay.UTC.format(null, NOW, PARIS)).isEmpty();
    }

    @Test
    void aTimeBeforeMidnightHereIsYesterdayThoughItIsTodayInUtc() {
        Instant lateEvening = Instant.parse("2026-12-01T23:30:00Z");
        Instant justAfterMidnightHere = Instant.parse("2026-12-01T23:10:00Z");

        assertThat(TimeDisplay.LOCAL.format(justAfterMidnightHere, lateEvening, PARIS)).isEqualTo("00:10:00");
        assertThat(TimeDisplay.UTC.format(justAfterMidnightHere, lateEvening, PARIS)).isEqualTo("23:10:00");
    }
}
