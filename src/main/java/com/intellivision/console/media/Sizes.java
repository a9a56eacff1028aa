package com.intellivision.console.media;

import java.util.Locale;

/** Byte counts as people read them: 512 bytes, 48.0 KiB, 3.2 MiB, 2.0 GiB. */
final class Sizes {

    private Sizes() {}

    static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
