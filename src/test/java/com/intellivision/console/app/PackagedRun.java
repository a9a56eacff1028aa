package com.intellivision.console.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** One run of a packaged program, with what it printed; bounded, so that a hang fails rather than stalls. */
record PackagedRun(int exitCode, String stdout, String stderr) {

    private static final long LIMIT_SECONDS = 120;

    static PackagedRun of(Path program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("packaged-run", ".out");
        Path err = Files.createTempFile("packaged-run", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + LIMIT_SECONDS + " s; it printed: "
                        + Files.readString(err));
            }
            return new PackagedRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The class path the launcher of the app image {@code image} starts the console with, in its order. */
    static String launcherClassPath(Path image) throws IOException {
        Path appDir = image.resolve("lib/app").toAbsolutePath();
        return Files.readAllLines(appDir.resolve("intellivision-console.cfg")).stream()
                .filter(line -> line.startsWith("app.classpath="))
                .map(line -> line.substring("app.classpath=".length()).replace("$APPDIR", appDir.toString()))
                .collect(Collectors.joining(":"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stdout: " + stdout + ", stderr: " + stderr;
    }
}
