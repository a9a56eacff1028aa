package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void followsXdgOnLinux() {
        assertThat(DataDirectory.standard("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ana/.local/share/intellivision-console"));
        assertThat(DataDirectory.standard("Linux", Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/intellivision-console"));
        assertThat(DataDirectory.standard("Linux", Map.of("XDG_DATA_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ana/.local/share/intellivision-console"));
    }

    @Test
    void usesApplicationSupportOnMacOs() {
        assertThat(DataDirectory.standard("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/IntelliVision Console"));
    }

    @Test
    void usesLocalAppDataOnWindows() {
        assertThat(DataDirectory.standard("Windows 11", Map.of("LOCALAPPDATA", "/users/ana/AppData/Local"), home))
                .isEqualTo(Path.of("/users/ana/AppData/Local/IntelliVision Console"));
    }
}
