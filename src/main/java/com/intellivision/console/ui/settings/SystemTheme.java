package com.intellivision.console.ui.settings;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the desktop asks for dark windows. JavaFX 21 does not say, so the console reads what GTK
 * desktops and many Linux sessions set ({@code GTK_THEME=Adwaita:dark}) and, for anyone else,
 * {@code INTELLIVISION_THEME=dark}; anything else is light.
 */
public final class SystemTheme {

    private SystemTheme() {}

    public static boolean prefersDark(Map<String, String> environment) {
        String chosen = environment.getOrDefault("INTELLIVISION_THEME", "");
        if (!chosen.isBlank()) {
            return chosen.strip().equalsIgnoreCase("dark");
        }
        return environment.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).contains("dark");
    }
}
