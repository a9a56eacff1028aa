package com.intellivision.console.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the console keeps its data by default: the platform's usual place for an application's data. */
final class DataDirectory {

    private static final String APP = "intellivision-console";

    private DataDirectory() {}

    static Path standard() {
        return standard(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path standard(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null && !localAppData.isBlank() ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve("IntelliVision Console");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("IntelliVision Console");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve(APP);
    }
}
