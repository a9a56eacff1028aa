package com.intellivision.console.ui.shell;

import java.io.File;
import java.util.List;
import java.util.Optional;

/** What a drop onto the window gives the submit bar: the first file's path, else the link, else the text. */
final class DroppedSource {

    private DroppedSource() {}

    /**
     * @param files the dropped files, empty if none
     * @param url the dropped link, or null
     * @param text the dropped text, or null
     */
    static Optional<String> of(List<File> files, String url, String text) {
        if (!files.isEmpty()) {
            return Optional.of(files.get(0).getAbsolutePath());
        }
        if (url != null && !url.isBlank()) {
            return Optional.of(url.strip());
        }
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
