package com.intellivision.console.media;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Downloads the whole body of a server that cannot seek into a file of the spool folder, through one
 * small buffer so that memory stays flat whatever the size, and never past the download limit.
 * Files are named after the worker's pid, so a worker that starts removes what a dead one left.
 */
final class StreamSpool {

    private static final int BUFFER_BYTES = 64 * 1024;
    /**
     * Progress every 4 MiB, or every second on a slow server: often enough to see it move and for a
     * cancel, which is honoured where progress is reported, to stop the download soon.
     */
    private static final long PROGRESS_EVERY_BYTES = 4L << 20;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private StreamSpool() {}

    /**
     * @param progressFrom the percentage reported at the first byte; {@code progressTo} at the last
     * @return the file holding the whole video; the caller deletes it
     */
    static Path download(VideoSource source, SeekCheck.Answer answer, NetworkReading reading, Progress progress, double progressFrom,
            double progressTo) throws MediaException {
        try {
            long announced = answer.announcedBytes();
            if (announced > reading.spoolLimitBytes()) {
                throw new MediaException(tooLarge(source, reading, "it announced " + Sizes.of(announced) + ", so nothing was read"));
            }
            Path file = createFile(source, reading);
            refuseWithoutRoom(source, reading, file, announced);
            return copy(source, answer, reading, file, progress, progressFrom, progressTo);
        } finally {
            answer.close();
        }
    }

    private static Path copy(VideoSource source, SeekCheck.Answer answer, NetworkReading reading, Path file, Progress progress,
            double progressFrom, double progressTo) throws MediaException {
        long announced = answer.announcedBytes();
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long written = 0;
            long reportedAt = 0;
            long reportedNanos = System.nanoTime();
            for (int n = answer.body().read(buffer); n >= 0; n = answer.body().read(buffer)) {
                if (written + n > reading.spoolLimitBytes()) {
                    throw new MediaException(tooLarge(source, reading, Sizes.of(written + n) + " were read before stopping"));
                }
                out.write(buffer, 0, n);
                written += n;
                if (written - reportedAt >= PROGRESS_EVERY_BYTES || System.nanoTime() - reportedNanos >= PROGRESS_EVERY_NANOS) {
                    reportedAt = written;
                    reportedNanos = System.nanoTime();
                    double done = announced > 0 ? Math.min(1, (double) written / announced) : 0;
                    progress.report(progressFrom + (progressTo - progressFrom) * done, stage(written, announced));
                }
            }
            if (announced >= 0 && written < announced) {
                throw new MediaException(ServerWords.server(source) + " closed the connection after " + Sizes.of(written) + " of the "
                        + Sizes.of(announced) + " it announced (reading " + source.title() + "). " + ServerWords.RETRY_ADVICE);
            }
            kept = true;
            return file;
        } catch (PacedInput.TooSlow slow) {
            throw new MediaException(ServerWords.tooSlow(source, slow, announced), slow);
        } catch (IOException broken) {
            throw new MediaException("Downloading " + source.title() + " failed after " + Sizes.of(answer.body().total()) + ": "
                    + (broken.getMessage() == null ? broken.getClass().getSimpleName() : broken.getMessage())
                    + ". Check the network and the free disk space of " + reading.spoolFolder() + ", then retry.", broken);
        } finally {
            if (!kept) {
                deleteQuietly(file);
            }
        }
    }

    private static void refuseWithoutRoom(VideoSource source, NetworkReading reading, Path file, long announced) throws MediaException {
        long free;
        try {
            free = Files.getFileStore(file).getUsableSpace();
        } catch (IOException unknown) {
            return;
        }
        if (announced > free) {
            deleteQuietly(file);
            throw new MediaException(ServerWords.server(source) + " cannot seek (it ignores Range requests), so " + source.title()
                    + " would have to be downloaded whole, but its " + Sizes.of(announced) + " do not fit in the " + Sizes.of(free)
                    + " free in " + reading.spoolFolder() + ". Free some disk space, or serve the video from a server that supports Range requests.");
        }
    }

    /** Removes the downloads of workers that are no longer running. */
    static void removeLeftovers(Path folder) {
        try (var files = Files.newDirectoryStream(folder, "*.spool*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                deleteQuietly(file);
            }
        } catch (IOException noFolder) {
            // Nothing was left, or the folder cannot be read; each download makes the folder itself.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stays) {
            // Removed by the next worker that starts.
        }
    }

    private static Path createFile(VideoSource source, NetworkReading reading) throws MediaException {
        try {
            Files.createDirectories(reading.spoolFolder());
            return Files.createTempFile(reading.spoolFolder(), ProcessHandle.current().pid() + "-", ".spool" + extension(source));
        } catch (IOException unwritable) {
            throw new MediaException("A download of " + source.title() + " could not be started in " + reading.spoolFolder() + ": "
                    + unwritable.getMessage() + ". Check that the data directory is writable and has free space.", unwritable);
        }
    }

    /** The link's own extension, so FFmpeg sees the same kind of file name as the server's. */
    private static String extension(VideoSource source) {
        String path = URI.create(source.input()).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        return extension.matches("\\.[a-z0-9]{1,5}") ? extension : "";
    }

    private static String stage(long written, long announced) {
        return "downloading the whole video (its server cannot seek): " + Sizes.of(written)
                + (announced > 0 ? " of " + Sizes.of(announced) : "");
    }

    private static String tooLarge(VideoSource source, NetworkReading reading, String howMuch) {
        return ServerWords.server(source) + " cannot seek (it ignores Range requests), so " + source.title()
                + " would have to be downloaded whole, and it is larger than the " + Sizes.of(reading.spoolLimitBytes())
                + " allowed: " + howMuch + ". Raise the limit with --download-limit MIB (for the console, serve and every command), "
                + "or serve the video from a server that supports Range requests.";
    }
}
