package com.intellivision.console.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code serve} in a process of its own, on the loopback, as people start it: the console's
 * main with {@code serve}, a data directory of its own, one worker. Fetching loopback links needs
 * {@code --allow-private-urls}, which tests ask for since their videos are served on the loopback.
 */
public final class ServeProcess implements AutoCloseable {

    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
    private static final Pattern SERVING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");

    private final Path dataDir;
    private final List<String> jvmOptions;
    private final List<String> extraArguments;
    private Process process;
    private int port;
    private final List<String> output = new ArrayList<>();

    private ServeProcess(Path dataDir, List<String> jvmOptions, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.extraArguments = extraArguments;
    }

    public static ServeProcess start(Path dataDir, String... extraArguments) throws IOException {
        return start(dataDir, TEST_JVM_OPTIONS, extraArguments);
    }

    /** The same with JVM options of the caller's instead of the tests' small heap, for benchmarks. */
    public static ServeProcess start(Path dataDir, List<String> jvmOptions, String... extraArguments) throws IOException {
        ServeProcess serve = new ServeProcess(dataDir, jvmOptions, List.of(extraArguments));
        serve.launch(0);
        return serve;
    }

    private void launch(int wantedPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "com.intellivision.console.app.Main", "serve", "--port", String.valueOf(wantedPort), "--data-dir", dataDir.toString(),
                "--workers", "1"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
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
        try {
            port = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception notListening) {
            process.destroyForcibly();
            throw new IOException("serve did not start: " + output, notListening);
        }
        if (port < 0) {
            throw new IOException("serve ended before listening: " + output);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The serve JVM itself, to measure it from outside (its workers are its descendants). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String token() throws IOException {
        return Files.readString(dataDir.resolve("serve-token")).strip();
    }

    /** What it printed on stdout so far. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGTERM, as a service manager stops it; returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL: the server is gone at once. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts it again on the same port and data directory, as after a crash. */
    public void restart() throws IOException {
        launch(port);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
