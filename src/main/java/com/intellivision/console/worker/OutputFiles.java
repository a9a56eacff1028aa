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
 * Part {@code k} (from 1) of a split count names its files as a job of id {@code <id>.p<k>} would; the
 * first part names them as the job, as the join keeps the busiest part's images under the job's names.
 */
public final class OutputFiles {

    private OutputFiles() {}

    public static Path finished(Path folder, long jobId, String extension) {
        return folder.resolve(jobId + "." + extension);
    }

    /** What the files of part {@code part} of job {@code jobId} are named after: the job's id for the first part. */
    public static String stem(long jobId, int part) {
        return part == 0 ? Long.toString(jobId) : jobId + ".p" + part;
    }

    /** A finished image of the job or part whose files are named after {@code stem}. */
    public static Path finished(Path folder, String stem, String extension) {
        return folder.resolve(stem + "." + extension);
    }

    /** The clean busiest frame of the job or part whose files are named after {@code stem}. */
    public static Path clean(Path folder, String stem, String extension) {
        return folder.resolve(stem + ".clean." + extension);
    }

    /** The {@code index}-th live frame of the job or part whose files are named after {@code stem}. */
    public static Path live(Path folder, String stem, int index) {
        return folder.resolve(stem + ".live." + index + ".jpg");
    }

    /** Removes the frames a count or a part of one showed while it ran, once it has ended. */
    public static void deleteLive(Path folder, String stem) {
        deleteMatching(folder, stem + ".live.*");
    }

    /**
     * Removes every file of one part of a split count, finished or partial, and none of the other parts';
     * returns how many there were.
     */
    public static int deletePart(Path folder, long jobId, int part) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, jobId + ".*")) {
            for (Path file : files) {
                if (partOf(file.getFileName().toString().substring(Long.toString(jobId).length() + 1)) == part) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (java.nio.file.NoSuchFileException noFolder) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the files of part " + part + " of job " + jobId + " in " + folder, e);
        }
        return deleted;
    }

    /** The part a file's name after {@code <id>.} belongs to: {@code p<k>.} begins the names of part k's files. */
    private static int partOf(String rest) {
        int dot = rest.indexOf('.');
        if (rest.startsWith("p") && dot > 1 && rest.substring(1, dot).chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(rest.substring(1, dot));
        }
        return 0;
    }

    private static void deleteMatching(Path folder, String glob) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftOver) {
            // Only previews; removed with the job's files when it is deleted.
        }
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
        deleteLive(folder, Long.toString(jobId));
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
