package com.intellivision.console.ui.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where a job's image is, as a URL an {@code Image} can load: engines report a file path or a URL. */
public final class JobImages {

    /** A scheme of two letters or more, so that a Windows drive ("C:\") is read as a path. */
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private JobImages() {}

    /** Whether {@code text} is a URL with a scheme, rather than a path. */
    static boolean isUrl(String text) {
        return text != null && URL.matcher(text).matches();
    }

    /** The URL of {@code pathOrUrl}, or null if there is none or it is neither. */
    public static String urlOf(String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.isBlank()) {
            return null;
        }
        if (URL.matcher(pathOrUrl).matches()) {
            return pathOrUrl;
        }
        try {
            return Path.of(pathOrUrl).toUri().toString();
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }
}
