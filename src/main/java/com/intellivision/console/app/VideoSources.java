package com.intellivision.console.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The video a command is given, as a deployment takes it. */
final class VideoSources {

    private VideoSources() {}

    /**
     * A link as it is; a file that exists by its absolute path, since a server takes only absolute paths
     * as files (anything else is a link to it) and a stored job may be retried from another directory.
     */
    static String of(String typed) {
        String source = typed.strip();
        if (source.contains("://") || source.regionMatches(true, 0, "file:", 0, 5)) {
            return source;
        }
        try {
            Path file = Path.of(source);
            return Files.exists(file) ? file.toAbsolutePath().normalize().toString() : source;
        } catch (InvalidPathException notAPath) {
            return source;
        }
    }
}
