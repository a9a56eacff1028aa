package com.intellivision.console.ui.settings;

import com.intellivision.console.deployment.settings.AtomicFiles;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code console-settings.json} in the data directory. Reading never fails the console: a missing or
 * unreadable file gives the defaults (an unreadable one is said in the log). Writing replaces the file
 * whole, so a crash mid-write leaves the old one.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "console-settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path path;

    public SettingsFile(Path path) {
        this.path = path;
    }

    /** The settings file of {@code dataDir}. */
    public static SettingsFile in(Path dataDir) {
        return new SettingsFile(dataDir.resolve(FILE_NAME));
    }

    public ConsoleSettings load() {
        if (!Files.isRegularFile(path)) {
            return ConsoleSettings.DEFAULTS;
        }
        try {
            ConsoleSettings read = JobJson.mapper().readValue(path.toFile(), ConsoleSettings.class);
            return read == null ? ConsoleSettings.DEFAULTS : read;
        } catch (IOException unreadable) {
            LOG.warn("{} could not be read ({}); the console starts with its defaults and writes it anew", path, unreadable.getMessage());
            return ConsoleSettings.DEFAULTS;
        }
    }

    /** Writes {@code settings}; throws {@link java.io.UncheckedIOException} if the folder cannot be written. */
    public void save(ConsoleSettings settings) {
        try {
            AtomicFiles.write(path, JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
        } catch (IOException cannotWrite) {
            throw new java.io.UncheckedIOException("The settings could not be saved in " + path + ": " + cannotWrite.getMessage(), cannotWrite);
        }
    }

    public Path path() {
        return path;
    }
}
