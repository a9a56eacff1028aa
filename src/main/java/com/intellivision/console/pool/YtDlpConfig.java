package com.intellivision.console.pool;

import java.nio.file.Path;

/**
 * How workers run yt-dlp.
 *
 * @param command the program: a name looked up on the workers' PATH, or a path
 * @param maxHeight the tallest video stream to choose
 * @param cookiesFile a Netscape cookies file for videos that need a signed-in account, or null
 */
public record YtDlpConfig(String command, int maxHeight, Path cookiesFile) {

    public static final YtDlpConfig DEFAULT = new YtDlpConfig("yt-dlp", 1080, null);
}
