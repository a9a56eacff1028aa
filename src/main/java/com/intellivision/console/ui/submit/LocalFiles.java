package com.intellivision.console.ui.submit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a typed path names a video file this console may read; checked off the UI thread. */
final class LocalFiles {

    private LocalFiles() {}

    /** Why the file cannot be used, or "" if it can. */
    static String problemOf(String typed) {
        Path path;
        try {
            path = pathOf(typed);
        } catch (IllegalArgumentException notAPath) {
            // Path.of throws InvalidPathException, URI.create and Path.of(URI) IllegalArgumentException.
            return "'" + typed + "' is not a path this system can use. Choose the file instead.";
        }
        if (Files.isDirectory(path)) {
            return path + " is a folder. Choose a video file in it.";
        }
        if (!Files.exists(path)) {
            return "There is no file at " + path + ". Check the path, or choose the file.";
        }
        if (!Files.isReadable(path)) {
            return path + " cannot be read. Check that you may open it.";
        }
        return "";
    }

    private static Path pathOf(String typed) {
        if (typed.startsWith("file:")) {
            return Path.of(URI.create(typed));
        }
        return typed.startsWith("~") ? Path.of(System.getProperty("user.home"), typed.substring(1)) : Path.of(typed);
    }
}
