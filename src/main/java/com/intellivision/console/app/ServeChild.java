package com.intellivision.console.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code serve} in a child process on the loopback, as people start it: this program's main with
 * {@code serve}, on this JVM's class path, with a data directory of its own. The demo serves a pool
 * this way, and the tests do. Starting does not wait; {@link #awaitListening} does.
 */
public final class ServeChild implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");

    private final Path dataDir;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Integer> listening = new CompletableFuture<>();

    private ServeChild(Path dataDir, Process process) {
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts {@code serve --port PORT --data-dir DIR} with {@code jvmOptions} and {@code arguments} after
     * them; port 0 lets the system choose. What it writes on stderr goes to {@code stderr}.
     */
    public static ServeChild start(Path dataDir, List<String> jvmOptions, List<String> arguments, int port, ProcessBuilder.Redirect stderr)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString()));
        command.addAll(arguments);
        ServeChild child = new ServeChild(dataDir, new ProcessBuilder(command).redirectError(stderr).start());
        child.readOutput();
        return child;
    }

    private void readOutput() {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                        listening.complete(Integer.parseInt(serving.group(1)));
                    }
                }
            } catch (IOException closed) {
                // The process ended.
            }
            listening.complete(-1);
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until it listens and returns its port; throws with what it printed if it ended or took longer. */
    public int awaitListening(Duration within) throws IOException, InterruptedException {
        int port;
        try {
            port = listening.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notListening) {
            kill();
            throw new IOException("serve did not start within " + within.toSeconds() + " s: " + output(), notListening);
        }
        if (port < 0) {
            throw new IOException("serve ended before listening: " + output());
        }
        return port;
    }

    /** The token it made in its data directory, or was given there. */
    public String token() throws IOException {
        return Files.readString(dataDir.resolve("serve-token")).strip();
    }

    /** The serve JVM itself, to measure it from outside (its workers are its descendants). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** What it printed on stdout so far. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGTERM, as a service manager stops it: its running jobs go back to its queue. Returns its exit code, or -1 if it had to be killed. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL, to it and its workers: the server is gone at once. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
