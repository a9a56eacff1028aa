package com.intellivision.console.ui.preview;

import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ObservableStringValue;

/** Saves the frame shown as a file of the person's choosing, copied in the background from where the console keeps it. */
public final class FrameFile {

    private final ObservableStringValue frameUrl;
    private final TaskRunner tasks;
    private final Notices notices;

    public FrameFile(ObservableStringValue frameUrl, TaskRunner tasks, Notices notices) {
        this.frameUrl = frameUrl;
        this.tasks = tasks;
        this.notices = notices;
    }

    /** The frame's file on this machine, if the frame shown is one. */
    public Optional<Path> source() {
        String url = frameUrl.get();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url)).filter(Files::isRegularFile);
        } catch (IllegalArgumentException notAFile) {
            return Optional.empty();
        }
    }

    /** A name to offer: the frame's own, as "frame-12.png". */
    public String suggestedName() {
        return source().map(path -> path.getFileName().toString()).orElse("frame.png");
    }

    /** The extension the saved file must keep, such as "png", for the save dialog's filter. */
    public String extension() {
        String name = suggestedName().toLowerCase(Locale.ROOT);
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "png";
    }

    public void saveTo(Path target) {
        Optional<Path> from = source();
        if (from.isEmpty()) {
            notices.problem("Could not save the frame", "The frame shown is not on this machine any more.");
            return;
        }
        tasks.perform(() -> copy(from.get(), target), () -> notices.done("Saved the frame as " + target.getFileName()),
                failure -> notices.problem("Could not save the frame as " + target, failure));
    }

    private static void copy(Path from, Path target) {
        try {
            Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException cannotCopy) {
            throw new UncheckedIOException("the file could not be written: " + cannotCopy.getMessage(), cannotCopy);
        }
    }
}
