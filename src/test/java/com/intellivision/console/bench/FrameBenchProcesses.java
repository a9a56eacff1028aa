package com.intellivision.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the programs the frame benchmark compares with, and never leaves one behind. */
final class FrameBenchProcesses {

    private static final long TIMEOUT_SECONDS = 600;

    private FrameBenchProcesses() {}

    /** Runs {@code command} to its end and returns what it printed; fails if it did not succeed. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("frame-bench-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": " + output.strip());
            }
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** The first line of {@code ffmpeg -version}; says how to install ffmpeg if it is missing. */
    static String ffmpegVersion() throws InterruptedException {
        try {
            String firstLine = run(List.of("ffmpeg", "-hide_banner", "-version")).lines().findFirst().orElse("ffmpeg");
            int copyright = firstLine.indexOf(" Copyright");
            return copyright < 0 ? firstLine : firstLine.substring(0, copyright);
        } catch (IOException missing) {
            throw new IllegalStateException("The ffmpeg program is needed: apt-get install -y ffmpeg (" + missing.getMessage() + ")", missing);
        }
    }
}
