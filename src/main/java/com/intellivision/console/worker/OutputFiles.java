package com.intellivision.console.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The naming of the files a job writes in the output folder: {@code <id>.<ext>} when finished,
 * {@code <id>.part.<ext>} while being written, a filmstrip's frames as {@code <id>.<n>.<ext>} and at
 * full size as {@code <id>.<n>.full.<ext>}, a count's clean busiest frame as {@code <id>.clean.<ext>} and the frames it shows while it runs as {@code <id>.live.<n>.jpg}. One place, so the worker writes what the engine cleans.
 */
public final class OutputFiles {

    private OutputFiles() {}

    public static Path finished(Path folder, long jobId, String extension) {
        return folder.resolve(jobId + "." + extension);
    }

    /** The {@code index}-th frame of a filmstrip, from 0. */
    public static Path finished(Path folder, long jobId, int index, String extension) {
        return folder.resolve(jobId + "." + index + "." + extension);
    }

    /** The {@code index}-th frame of a filmstrip at the video's own size, beside its smaller one. */
    public static Path fullSize(Path folder, long jobId, int index, String extension) {
        return folder.resolve(jobId + "." + index + ".full." + extension);
    }

    /** A people count's busiest frame without its boxes, beside the boxed one. */
    public static Path clean(Path folder, long jobId, String extension) {
        return folder.resolve(jobId + ".clean." + extension);
    }

    /** The {@code index}-th frame a running count shows of its work, from 0. */
    public static Path live(Path folder, long jobId, int index) {
        return folder.resolve(jobId + ".live." + index + ".jpg");
    }

    /** Removes the frames a count showed while it ran, once it has ended. */
    public static void deleteLive(Path folder, long jobId) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, jobId + ".live.*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftOver) {
            // Only previews; removed with the job's files when it is deleted.
        }
    }

    /** Removes every file of the job, finished or partial; returns how many there were. */
    public static int deleteAll(Path folder, long jobId) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, jobId + ".*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        } catch (java.nio.file.NoSuchFileException noFolder) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the files of job " + jobId + " in " + folder, e);
        }
        return deleted;
    }
}
