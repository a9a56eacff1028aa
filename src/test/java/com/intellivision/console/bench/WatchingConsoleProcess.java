package com.intellivision.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * A console JVM the benchmark starts and measures from outside: same class path, the console's own
 * JVM options, its output in a log file. Stopping it ends it and every process it started.
 */
final class WatchingConsoleProcess {

    /** The console's JVM options, as pom.xml's exec plugin (the README's start command) gives them. */
    static final List<String> CONSOLE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:G1PeriodicGCInterval=5000");
    private static final OperatingSystem OS = new SystemInfo().getOperatingSystem();
    private static final long STOP_GRACE_SECONDS = 10;

    private final Process process;
    private final Path log;
    /** Should the benchmark itself be stopped (Ctrl-C), the console and its workers go with it. */
    private final Thread endOnExit;

    private WatchingConsoleProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.endOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        Runtime.getRuntime().addShutdownHook(endOnExit);
    }

    static WatchingConsoleProcess start(Class<?> main, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CONSOLE_JVM_OPTIONS);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        return new WatchingConsoleProcess(process, log);
    }

    /** Waits until the console says it is watching; fails with its output if it dies or takes too long. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readAllLines(log).contains(WatchTally.READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the watching console " + (process.isAlive() ? "was not ready within " + timeout.toSeconds()
                        + " s" : "died with exit code " + process.exitValue()) + "; its output:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The console's CPU time so far, all its threads, user and kernel; not its children's. */
    Duration cpu() {
        return cpuOf(process.toHandle());
    }

    static Duration cpuOf(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static long rssOf(long pid) {
        OSProcess found = OS.getProcess((int) pid);
        return found == null ? 0 : found.getResidentSetSize();
    }

    /** The processes the console started (the local pool's workers), as they are now. */
    List<ProcessHandle> children() {
        return process.children().toList();
    }

    /** What the console last said it had heard. */
    WatchTally latestTally() throws IOException {
        WatchTally latest = WatchTally.NONE;
        for (String line : Files.readAllLines(log)) {
            WatchTally tally = WatchTally.parse(line);
            latest = tally == null ? latest : tally;
        }
        return latest;
    }

    /**
     * Ends the console (SIGTERM first, so its shutdown hook stops the pool as on a normal exit) and
     * then any of its descendants still alive. Descendants are taken before the console ends: once it is
     * gone they are re-parented and no longer found under it. Returns the pids that had to be killed.
     */
    List<Long> stop() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(endOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is ending the console already.
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        List<Long> killed = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (ProcessHandle descendant : descendants) {
            while (descendant.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (descendant.isAlive()) {
                killed.add(descendant.pid());
                descendant.destroyForcibly();
            }
        }
        return killed;
    }
}
