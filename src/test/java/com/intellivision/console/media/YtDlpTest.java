package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The real yt-dlp, against an address where nothing listens. */
class YtDlpTest {

    private static final String NOTHING_THERE = "http://127.0.0.1:9/clip";

    @Test
    void addsThatYtDlpIsTooOldWhenItFailsForNoKnownReason() {
        LocalDate released = new YtDlp("yt-dlp").releaseDate().orElseThrow(() -> new AssertionError("yt-dlp --version gave no date"));
        YtDlp outdated = new YtDlp(YtDlpSettings.of("yt-dlp"), clockAt(released.plusDays(200)));
        YtDlp current = new YtDlp(YtDlpSettings.of("yt-dlp"), clockAt(released.plusDays(10)));

        assertThatThrownBy(() -> outdated.resolve(NOTHING_THERE))
                .hasMessageContaining("yt-dlp could not resolve " + NOTHING_THERE)
                .hasMessageContaining("too old (version " + released.toString().replace('-', '.') + ")");
        assertThatThrownBy(() -> current.resolve(NOTHING_THERE)).hasMessageNotContaining("too old");
    }

    @Test
    void saysHowToInstallItWhenItIsMissing() {
        assertThatThrownBy(() -> new YtDlp("/nonexistent/yt-dlp").resolve(NOTHING_THERE))
                .hasMessageStartingWith("yt-dlp could not be started")
                .hasMessageContaining("sudo apt install yt-dlp");
    }

    @Test
    void readsNoDateFromAProgramThatIsNotYtDlp() {
        assertThat(new YtDlp("true").releaseDate()).isEmpty();
    }

    @Test
    void aCheckSaysWhetherItIsMissingBrokenTooOldOrFine() {
        assertThat(new YtDlp("/nonexistent/yt-dlp").problem()).hasValueSatisfying(missing -> assertThat(missing)
                .startsWith("yt-dlp is not installed").contains("sudo apt install yt-dlp", "pip install yt-dlp", "'update-yt-dlp'"));
        assertThat(new YtDlp("false").problem()).hasValueSatisfying(broken -> assertThat(broken)
                .startsWith("yt-dlp does not run (exit code 1").contains("update-yt-dlp"));
        LocalDate released = new YtDlp("yt-dlp").releaseDate().orElseThrow();
        assertThat(new YtDlp(YtDlpSettings.of("yt-dlp"), clockAt(released.plusDays(200))).problem())
                .hasValueSatisfying(old -> assertThat(old).startsWith("The installed yt-dlp is too old").contains("update-yt-dlp"));
        assertThat(new YtDlp(YtDlpSettings.of("yt-dlp"), clockAt(released.plusDays(10))).problem()).isEmpty();
    }

    private static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
