package com.intellivision.console.pool;

import com.intellivision.console.worker.WorkerMain;
import com.intellivision.console.worker.WorkerMessage;
import com.intellivision.console.worker.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker child process: a JVM on the console's own class path running {@link WorkerMain}. Its
 * messages and its exit are handed to a {@link Listener} from the process's reader thread.
 */
final class WorkerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
    private static final int KEPT_STDERR_LINES = 8;

    interface Listener {
        void onMessage(WorkerProcess worker, WorkerMessage message);

        void onExit(WorkerProcess worker, int exitCode);
    }

    private final int slot;
    private final Process process;
    private final Writer toWorker;
    private final Deque<String> lastStderrLines = new ArrayDeque<>();

    private WorkerProcess(int slot, Process process) {
        this.slot = slot;
        this.process = process;
        this.toWorker = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static WorkerProcess start(int slot, PoolConfig config, Listener listener) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine(config));
        builder.environment().putAll(config.workerEnvironment());
        WorkerProcess worker = new WorkerProcess(slot, builder.start());
        worker.pump("worker-" + slot + "-out", worker.process.getInputStream(), worker::readMessages, listener);
        worker.pump("worker-" + slot + "-err", worker.process.getErrorStream(), worker::keepStderr, listener);
        return worker;
    }

    private static List<String> commandLine(PoolConfig config) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // A worker's heavy lifting is native (FFmpeg); its JVM is kept small: a small starting heap
        // (the default is a sixty-fourth of the machine's memory), the serial collector and C1 only.
        command.add("-Xmx" + config.workerHeapMiB() + "m");
        command.add("-Xms16m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Xshare:auto");
        command.add("-Djava.awt.headless=true");
        command.add("-D" + WorkerMain.YT_DLP_PROPERTY + "=" + config.ytDlp().command());
        command.add("-D" + WorkerMain.YT_DLP_MAX_HEIGHT_PROPERTY + "=" + config.ytDlp().maxHeight());
        if (config.ytDlp().cookiesFile() != null) {
            command.add("-D" + WorkerMain.YT_DLP_COOKIES_PROPERTY + "=" + config.ytDlp().cookiesFile().toAbsolutePath());
        }
        command.add("-D" + WorkerMain.READ_TIMEOUT_PROPERTY + "=" + config.streamLimits().readTimeout().toMillis());
        command.add("-D" + WorkerMain.DOWNLOAD_LIMIT_PROPERTY + "=" + config.streamLimits().downloadLimitBytes());
        command.add("-D" + WorkerMain.DOWNLOAD_FOLDER_PROPERTY + "=" + config.downloadsDir().toAbsolutePath());
        command.add("-D" + WorkerMain.RESOLVED_FOLDER_PROPERTY + "=" + config.resolvedDir().toAbsolutePath());
        command.add("-D" + WorkerMain.OPENCV_THREADS_PROPERTY + "=" + config.openCvThreads());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(path -> Path.of(path).getFileName().toString().startsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    int slot() {
        return slot;
    }

    long pid() {
        return process.pid();
    }

    /** When the operating system started the process; with the pid, it names the process uniquely. */
    java.time.Instant startInstant() {
        return process.info().startInstant().orElse(java.time.Instant.EPOCH);
    }

    /** Sends a message; false if the worker no longer listens (its exit will be reported). */
    synchronized boolean send(WorkerMessage message) {
        try {
            toWorker.write(WorkerProtocol.encode(message));
            toWorker.write('\n');
            toWorker.flush();
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    /** Asks the worker to exit; closing stdin makes it stop even if it is busy. */
    void shutdown() {
        send(new WorkerMessage.Shutdown());
        try {
            toWorker.close();
        } catch (IOException ignored) {
            // It is exiting anyway.
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    boolean waitForExit(long millis) throws InterruptedException {
        return process.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The worker's last words on stderr, to explain a crash. */
    synchronized String lastStderr() {
        return String.join(" | ", lastStderrLines);
    }

    private void readMessages(String line, Listener listener) {
        WorkerMessage message;
        try {
            message = WorkerProtocol.decode(line);
        } catch (IllegalArgumentException stray) {
            LOG.warn("worker {} printed a line that is not a message: {}", slot, line);
            return;
        }
        listener.onMessage(this, message);
    }

    private synchronized void keepStderr(String line, Listener ignored) {
        LOG.debug("worker {}: {}", slot, line);
        if (lastStderrLines.size() == KEPT_STDERR_LINES) {
            lastStderrLines.removeFirst();
        }
        lastStderrLines.addLast(line);
    }

    private interface LineHandler {
        void handle(String line, Listener listener);
    }

    private void pump(String name, InputStream stream, LineHandler handler, Listener listener) {
        boolean reportsExit = stream == process.getInputStream();
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    handler.handle(line, listener);
                }
            } catch (IOException closed) {
                LOG.debug("worker {} stream closed: {}", slot, closed.toString());
            }
            if (reportsExit) {
                listener.onExit(this, awaitExitCode());
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private int awaitExitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
