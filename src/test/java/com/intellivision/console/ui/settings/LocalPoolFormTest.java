package com.intellivision.console.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local pool's form refuses what the pool could not start with, saying why, as people type. */
class LocalPoolFormTest {

    private final LocalPoolForm form = new LocalPoolForm(LocalPoolSettings.DEFAULTS, 4);

    @Test
    void startsFromTheSavedSettingsWithAnEmptySizeMeaningOnePerCore() {
        assertThat(form.workersProperty().get()).isEmpty();
        assertThat(form.softLimitProperty().get()).isEqualTo("1024");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.settings()).contains(LocalPoolSettings.DEFAULTS);
    }

    @Test
    void aTypedSizeAndLimitsBecomeTheSettings() {
        form.workersProperty().set(" 6 ");
        form.softLimitProperty().set("512");
        form.hardLimitProperty().set("768");

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.settings()).contains(new LocalPoolSettings(6, 512, 768));
    }

    @Test
    void aSizeOutsideOneToSixtyFourIsRefusedWithTheRange() {
        for (String wrong : new String[] {"0", "65", "-1", "two", "1.5"}) {
            form.workersProperty().set(wrong);

            assertThat(form.validProperty().get()).as(wrong).isFalse();
            assertThat(form.problemProperty().get()).as(wrong).contains("1 to 64").contains("one per core (4)");
            assertThat(form.settings()).as(wrong).isEmpty();
        }
    }

    @Test
    void aHardLimitBelowTheSoftOneIsRefusedNamingTheSoftLimit() {
        form.softLimitProperty().set("900");
        form.hardLimitProperty().set("800");

        assertThat(form.problemProperty().get()).contains("at least the soft limit (900)");

        form.hardLimitProperty().set("900");

        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void aSoftLimitTooSmallForAWorkerIsRefused() {
        form.softLimitProperty().set("64");

        assertThat(form.problemProperty().get()).contains("at least 128");
    }
}
