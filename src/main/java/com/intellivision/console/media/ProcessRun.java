package com.intellivision.console.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A finished run of a program, with all it printed. */
record ProcessRun(int exitCode, String stdout, String stderr) {

    /**
     * Runs the program to the end, draining both outputs on their own threads so a chatty program
     * never blocks on a full pipe.
     *
     * @throws IOException if the program cannot be started (it is not installed, say)
     * @throws java.util.concurrent.TimeoutException if it does not end in time; it is killed
     */
    static ProcessRun of(List<String> command, Duration timeout)
            throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new java.util.concurrent.TimeoutException(command.get(0) + " did not end within " + timeout.toSeconds() + " s");
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return new ProcessRun(process.exitValue(), stdout.join(), stderr.join());
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
