package com.intellivision.console.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why the console's window cannot open here, said to a person: on Linux JavaFX needs an X11 or
 * Wayland display and GTK 3, and without them it stops with a line from its native code ("Unable to
 * open DISPLAY") that says neither what to do nor that the rest of the program works without a window.
 */
final class WindowSupport {

    /** What the program does without a window, said after each reason. */
    static final String WITHOUT_A_WINDOW = "Without a window, 'serve' runs the local pool headless for other consoles, "
            + "and the commands (frame, count, submit, jobs) work in the terminal: see --help.";

    private WindowSupport() {}

    /**
     * Why no window can open, before trying: on Linux, no display in the environment; elsewhere, or
     * when JavaFX is told to draw without a screen (Monocle), nothing.
     */
    static Optional<String> missingDisplay(Map<String, String> environment, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (!linux || "monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("There is no display to open the console's window on: neither DISPLAY nor WAYLAND_DISPLAY is set. "
                + "Start it from a desktop session, or over SSH with 'ssh -X'. " + WITHOUT_A_WINDOW);
    }

    /** What to tell a person when JavaFX could not start its toolkit, from what it threw. */
    static String explain(Throwable failure) {
        String said = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof LinkageError || said.toLowerCase(Locale.ROOT).contains("gtk")) {
            return "The console's window needs GTK 3, which could not be loaded (" + firstLine(said, failure) + "). Install it "
                    + "(Debian and Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3) and start again. " + WITHOUT_A_WINDOW;
        }
        if (said.toLowerCase(Locale.ROOT).contains("display")) {
            return "The console's window could not open on the display (" + firstLine(said, failure) + "). Check that DISPLAY names a "
                    + "running X server you may use (xhost, or 'ssh -X'). " + WITHOUT_A_WINDOW;
        }
        return "The console's window could not open (" + firstLine(said, failure) + "). " + WITHOUT_A_WINDOW;
    }

    private static String firstLine(String said, Throwable failure) {
        String line = said.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? failure.getClass().getSimpleName() : line;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
