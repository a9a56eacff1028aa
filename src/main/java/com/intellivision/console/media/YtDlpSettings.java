package com.intellivision.console.media;

import java.nio.file.Path;

/**
 * How yt-dlp is run.
 *
 * @param command the program: a name looked up on the PATH, or a path
 * @param maxHeight the tallest stream to choose; taller ones cost decoding time and memory for nothing
 * @param cookiesFile a Netscape cookies file for videos that need a signed-in account, or null
 */
public record YtDlpSettings(String command, int maxHeight, Path cookiesFile) {

    public static final int DEFAULT_MAX_HEIGHT = 1080;

    public YtDlpSettings {
        if (maxHeight < 144) {
            throw new IllegalArgumentException("the height limit must be at least 144 pixels, not " + maxHeight);
        }
    }

    public static YtDlpSettings of(String command) {
        return new YtDlpSettings(command, DEFAULT_MAX_HEIGHT, null);
    }
}
