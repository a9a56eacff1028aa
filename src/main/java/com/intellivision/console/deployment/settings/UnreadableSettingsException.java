package com.intellivision.console.deployment.settings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The deployments file could not be understood and was moved aside, whole, so that nothing in it is
 * lost; the message says so in words fit to show. The next load finds no file and starts empty.
 */
public final class UnreadableSettingsException extends IOException {

    private final Path movedTo;

    UnreadableSettingsException(Path file, Path movedTo, String problem) {
        super("The list of deployments in " + file + " could not be read (" + problem + "). It was moved to " + movedTo
                + " so that nothing is lost, and the console goes on without remote deployments until they are added again.");
        this.movedTo = movedTo;
    }

    /** Where the unreadable file is now. */
    public Path movedTo() {
        return movedTo;
    }
}
