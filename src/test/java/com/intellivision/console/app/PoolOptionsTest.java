package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.pool.StreamLimits;
import java.time.Duration;
import com.intellivision.console.ui.settings.LocalPoolSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The pool the window starts: the console's saved settings where the command line says nothing, the command line where it does. */
class PoolOptionsTest {

    private static final LocalPoolSettings SAVED = new LocalPoolSettings(3, 600, 900);

    private static PoolConfig configFor(String... args) {
        Main main = new Main(dataDir -> null);
        new CommandLine(main).parseArgs(args);
        return main.pool.toConfig(8, SAVED);
    }

    @Test
    void savedSettingsGiveTheSizeAndLimitsWhenTheCommandLineIsSilent() {
        PoolConfig config = configFor();

        assertThat(config.workerCount()).isEqualTo(3);
        assertThat(config.memoryLimits()).isEqualTo(MemoryLimits.ofMiB(600, 900));
    }

    @Test
    void theCommandLineWinsOverSavedSettings() {
        PoolConfig config = configFor("--workers", "2", "--soft-memory-limit", "700", "--hard-memory-limit", "1500");

        assertThat(config.workerCount()).isEqualTo(2);
        assertThat(config.memoryLimits()).isEqualTo(MemoryLimits.ofMiB(700, 1500));
    }

    @Test
    void oneCorePerWorkerWhenNeitherSaysTheSize() {
        Main main = new Main(dataDir -> null);
        new CommandLine(main).parseArgs();

        assertThat(main.pool.toConfig(8, LocalPoolSettings.DEFAULTS).workerCount()).isEqualTo(8);
    }

    @Test
    void aHardLimitBelowTheSoftOneIsRefusedNamingBoth() {
        assertThatThrownBy(() -> configFor("--soft-memory-limit", "800", "--hard-memory-limit", "700"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--hard-memory-limit (700 MiB)")
                .hasMessageContaining("--soft-memory-limit (800 MiB)");
    }

    @Test
    void theReadTimeoutAndDownloadLimitReachThePool() {
        assertThat(configFor().streamLimits()).isEqualTo(new StreamLimits(Duration.ofSeconds(20), 2048L << 20));
        assertThat(configFor("--read-timeout", "5", "--download-limit", "4096").streamLimits())
                .isEqualTo(new StreamLimits(Duration.ofSeconds(5), 4096L << 20));
    }

    @Test
    void aReadTimeoutBelowOneSecondIsRefused() {
        assertThatThrownBy(() -> configFor("--read-timeout", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--read-timeout must be at least 1 second");
    }
}
