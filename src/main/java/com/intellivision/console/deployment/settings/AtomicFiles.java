package com.intellivision.console.deployment.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Files that are replaced whole or not at all, and damaged files put aside instead of lost. */
public final class AtomicFiles {

    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Called on the temporary file before anything is written to it. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Path temporary) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code content} to a temporary file beside {@code target}, created with {@code attributes},
     * flushes it to disk and moves it over {@code target} in one step, so readers see the old file or the
     * new one, never half of one. The temporary file is removed if anything fails.
     */
    static void write(Path target, byte[] content, Preparation preparation, FileAttribute<?>... attributes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp", attributes);
        try {
            preparation.prepare(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@link #write(Path, byte[], Preparation, FileAttribute[])} with nothing to prepare. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, temporary -> {});
    }

    /** Renames a file that could not be read to {@code <name>.broken-<local time>} beside it and returns the new path. */
    static Path moveAside(Path damaged) throws IOException {
        String base = damaged.getFileName() + ".broken-" + LocalDateTime.now().format(ASIDE_STAMP);
        Path aside = damaged.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = damaged.resolveSibling(base + "-" + n);
        }
        return Files.move(damaged, aside, StandardCopyOption.ATOMIC_MOVE);
    }
}
