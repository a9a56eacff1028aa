package com.intellivision.console.server;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/** Videos uploaded with a job, kept in {@code <data dir>/uploads} under names of this server's choosing. */
final class Uploads {

    private final Path folder;
    private final long maxBytes;

    Uploads(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The largest upload taken, for people: "2 GiB", "500 MiB". */
    String limitText() {
        long mib = maxBytes / (1024 * 1024);
        return mib >= 1024 && mib % 1024 == 0 ? mib / 1024 + " GiB" : mib + " MiB";
    }

    Path folder() {
        return folder;
    }

    /** Keeps the upload; its name keeps only the extension the client gave, so no path can come in with it. */
    Path keep(UploadedFile upload) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(UUID.randomUUID() + extensionOf(upload.filename()));
        try (InputStream content = upload.content()) {
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String extensionOf(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,5}") ? extension : "";
    }
}
