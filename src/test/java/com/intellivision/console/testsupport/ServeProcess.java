package com.intellivision.console.testsupport;

import com.intellivision.console.app.ServeChild;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code serve} in a process of its own, on the loopback, as people start it: the console's
 * main with {@code serve}, a data directory of its own, one worker. Fetching loopback links needs
 * {@code --allow-private-urls}, which tests ask for since their videos are served on the loopback.
 */
public final class ServeProcess implements AutoCloseable {

    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
    private static final Duration START_WITHIN = Duration.ofSeconds(60);

    private final Path dataDir;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private ServeChild process;
    private int port;
    /** What the processes before a restart printed. */
    private final List<String> earlierOutput = new ArrayList<>();

    private ServeProcess(Path dataDir, List<String> jvmOptions, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        List<String> arguments = new ArrayList<>(List.of("--workers", "1"));
        arguments.addAll(extraArguments);
        this.arguments = List.copyOf(arguments);
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
        if (process != null) {
            earlierOutput.addAll(process.output());
        }
        process = ServeChild.start(dataDir, jvmOptions, arguments, wantedPort, ProcessBuilder.Redirect.DISCARD);
        try {
            port = process.awaitListening(START_WITHIN);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while serve started", interrupted);
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
        return process.handle();
    }

    public String token() throws IOException {
        return process.token();
    }

    /** What it printed on stdout so far, over its restarts. */
    public List<String> output() {
        List<String> all = new ArrayList<>(earlierOutput);
        all.addAll(process.output());
        return all;
    }

    /** SIGTERM, as a service manager stops it; returns its exit code. */
    public int stop() throws InterruptedException {
        return process.stop();
    }

    /** SIGKILL: the server is gone at once. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Starts it again on the same port and data directory, as after a crash. */
    public void restart() throws IOException {
        launch(port);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
