package com.intellivision.console.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files that exist, as a path typed in the submit bar must name. */
public final class TypedFiles {

    private TypedFiles() {}

    /** The path of {@code name} in {@code folder}, made empty if it is not there yet. */
    public static String existing(Path folder, String name) {
        Path file = folder.resolve(name);
        try {
            return (Files.exists(file) ? file : Files.createFile(file)).toString();
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }
}
