package com.intellivision.console.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimecodeTest {

    @ParameterizedTest
    @CsvSource({"90, 90", "90.5, 90.5", "1:30, 90", "01:30, 90", "00:01:30, 90", "1:00:00, 3600", "00:00:03.25, 3.25", "0, 0"})
    void readsSecondsAndClockTimes(String typed, double seconds) {
        assertThat(Timecode.parseSeconds(typed)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1:75", "-3", "1:2:3:4", "90s"})
    void refusesWhatIsNotATimestampWithAMessageForPeople(String typed) {
        assertThatThrownBy(() -> Timecode.parseSeconds(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a timestamp");
    }

    @ParameterizedTest
    @CsvSource({"0, 00:00:00", "90, 00:01:30", "3.25, 00:00:03.250", "3725, 01:02:05"})
    void formatsAsAClock(double seconds, String text) {
        assertThat(Timecode.format(seconds)).isEqualTo(text);
    }
}
