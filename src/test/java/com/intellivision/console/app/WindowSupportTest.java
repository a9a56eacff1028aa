package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine the window cannot open on gets a reason and what to do, not a line from JavaFX's native code. */
class WindowSupportTest {

    @TempDir
    Path dataDir;

    /** The program started as a person starts it, with the environment given, and what it said. */
    private record Started(int exitCode, String said) {}

    private Started start(Map<String, String> display) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dataDir.toString(), "--workers", "1").redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        Process program = builder.start();
        program.getOutputStream().close();
        String said = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!program.waitFor(60, TimeUnit.SECONDS)) {
            program.destroyForcibly();
            throw new AssertionError("the program did not end: " + said);
        }
        return new Started(program.exitValue(), said);
    }

    @Test
    void withoutADisplayItSaysSoAndWhatWorksWithoutAWindow() throws Exception {
        Started started = start(Map.of());

        assertThat(started.exitCode()).isEqualTo(Main.NO_WINDOW);
        assertThat(started.said()).contains("no display", "DISPLAY", "ssh -X", "'serve'", "--help")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDisplayWithNothingBehindItIsExplainedToo() throws Exception {
        // A display number no X server here uses: the toolkit finds no socket for it.
        Started started = start(Map.of("DISPLAY", ":87"));

        assertThat(started.exitCode()).isEqualTo(Main.NO_WINDOW);
        assertThat(started.said()).contains("could not open on the display", "Unable to open DISPLAY", "'serve'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void onlyLinuxWithoutEitherDisplayIsRefusedBeforeTrying() {
        assertThat(WindowSupport.missingDisplay(Map.of(), "Linux", null)).isPresent();
        assertThat(WindowSupport.missingDisplay(Map.of("DISPLAY", " "), "Linux", null)).isPresent();
        assertThat(WindowSupport.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null)).isEmpty();
        assertThat(WindowSupport.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isEmpty();
        assertThat(WindowSupport.missingDisplay(Map.of(), "Linux", "Monocle")).isEmpty();
        for (String elsewhere : List.of("Mac OS X", "Windows 11")) {
            assertThat(WindowSupport.missingDisplay(Map.of(), elsewhere, null)).as(elsewhere).isEmpty();
        }
    }

    @Test
    void aToolkitWithoutGtkIsToldWhatToInstall() {
        String told = WindowSupport.explain(new UnsatisfiedLinkError("Unable to load glass GTK library."));

        assertThat(told).contains("needs GTK 3", "sudo apt install libgtk-3-0", "Unable to load glass GTK library", "'serve'");
        assertThat(WindowSupport.explain(new IllegalStateException((String) null))).contains("could not open (IllegalStateException)");
    }
}
