package com.intellivision.console.bench;

import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;

/**
 * What it costs the console to watch 500 active jobs on an IntelliVision server, beside watching 500
 * active jobs on its local pool:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.RemoteWatchBench</pre>
 * Each side is a headless console JVM of its own ({@link RemoteWatchConsole}, {@link LocalWatchConsole}),
 * started with the console's JVM options and measured from outside, one side after the other, over the
 * same window (60 s, {@code -Dbench.seconds=N}) after a warm-up: the requests the server received, the
 * console's CPU and resident memory, and for the local pool its workers' apart. The server is
 * {@link FakeIntelliVisionServer} on loopback, its jobs staying {@code processing}; the local jobs stay
 * pending behind a paused pool. The window's own drawing is not measured.
 */
public final class RemoteWatchBench {

    private static final int JOBS = 500;
    private static final int DEFAULT_SECONDS = 60;
    private static final String SECONDS_PROPERTY = "bench.seconds";
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final double NAIVE_REQUESTS_PER_JOB_PER_SECOND = 1;
    private static final double MIB = 1048576.0;
    private static final String COLUMNS = "%-38s %11s %10s %12s %12s %12s %14s%n";

    /** One side's figures, and the processes its console left behind that had to be killed. */
    private record Side(WatchFigures figures, List<Long> killed) {}

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(windowSeconds());
        Path work = Files.createTempDirectory("remote-watch-bench");
        System.out.printf(Locale.ROOT, "Watching %d active jobs for %d s (%d cores, load average %s), console without a window%n", JOBS,
                window.toSeconds(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "Each console a JVM of its own (%s, headless: the JavaFX window's cost is not counted),%n",
                String.join(" ", WatchingConsoleProcess.CONSOLE_JVM_OPTIONS));
        System.out.printf(Locale.ROOT, "one after the other, measured from outside after a %d s warm-up%n%n", WARM_UP.toSeconds());
        try {
            Side remote;
            List<RecordedRequest> remoteRequests;
            try (FakeIntelliVisionServer server = FakeIntelliVisionServer.start()) {
                for (int i = 0; i < JOBS; i++) {
                    server.addJob("people-count", "http://127.0.0.1:9/stay-" + i + ".mp4");
                }
                remote = watch(RemoteWatchConsole.class, List.of(server.url(), work.resolve("remote").toString(), String.valueOf(JOBS)),
                        work.resolve("remote.log"), window, () -> server.requests().size());
                remoteRequests = server.requests();
            }
            Side local = watch(LocalWatchConsole.class, List.of(work.resolve("local").toString(), String.valueOf(JOBS)),
                    work.resolve("local.log"), window, () -> 0);
            printTable(remote, local);
            printNotes(remote, remoteRequests, local);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Starts a console, lets it warm up, measures it, ends it and whatever it started. */
    private static Side watch(Class<?> main, List<String> args, Path log, Duration window, IntSupplier requestsSoFar) throws Exception {
        WatchingConsoleProcess console = WatchingConsoleProcess.start(main, args, log);
        WatchFigures figures;
        List<Long> killed;
        try {
            console.awaitReady(READY_TIMEOUT);
            Thread.sleep(WARM_UP.toMillis());
            figures = WatchFigures.measure(console, window, requestsSoFar);
        } finally {
            killed = console.stop();
            if (!killed.isEmpty()) {
                System.out.println("warning: " + main.getSimpleName() + " left processes behind, killed: " + killed);
            }
        }
        WatchTally heard = figures.tallyTo();
        if (heard.jobs() < JOBS || heard.active() < JOBS) {
            throw new IllegalStateException(main.getSimpleName() + " is not watching what it should: it knows " + heard.jobs() + " jobs, "
                    + heard.active() + " active, instead of " + JOBS + "; its output:\n" + Files.readString(log));
        }
        return new Side(figures, killed);
    }

    private static void printTable(Side remote, Side local) {
        System.out.printf(Locale.ROOT, COLUMNS, "", "requests/s", "events/s", "console CPU", "console RSS", "workers CPU", "workers RSS");
        WatchFigures server = remote.figures();
        System.out.printf(Locale.ROOT, COLUMNS, "IntelliVision server (polling)", String.format(Locale.ROOT, "%.2f", server.requestsPerSecond()),
                rate(server.eventsPerSecond()), percent(server.consoleCpuPercent()), mib(server.consoleRssMax()), "-", "-");
        WatchFigures pool = local.figures();
        System.out.printf(Locale.ROOT, COLUMNS, "Local pool (engine events)", "0", rate(pool.eventsPerSecond()), percent(pool.consoleCpuPercent()),
                mib(pool.consoleRssMax()), percent(pool.workersCpuPercent()),
                pool.workers() + " × " + mib(pool.workers() == 0 ? 0 : pool.workersRssMax() / pool.workers()));
        System.out.printf(Locale.ROOT, "%-38s %11.0f    (reference, computed: %d jobs × %.0f request/s)%n", "Naive polling (1 request/s per job)",
                JOBS * NAIVE_REQUESTS_PER_JOB_PER_SECOND, JOBS, NAIVE_REQUESTS_PER_JOB_PER_SECOND);
    }

    private static void printNotes(Side remote, List<RecordedRequest> requests, Side local) {
        WatchFigures server = remote.figures();
        List<RecordedRequest> inWindow = requests.subList(server.requestsFrom(), server.requestsTo());
        System.out.println();
        System.out.printf(Locale.ROOT, "IntelliVision server: %d requests in the window (%.1f s): %s; %d before it, %d in all%n",
                inWindow.size(), server.seconds(), byKind(inWindow), server.requestsFrom(), requests.size());
        System.out.println("Local pool: no HTTP requests; its workers are the console's child processes and its engine pushes events");
        System.out.printf(Locale.ROOT, "Known at the end: remote %s; local %s%n", known(server.tallyTo()), known(local.figures().tallyTo()));
        System.out.println("CPU: the process's user + kernel time over the window, in % of one core; RSS: the largest seen, sampled every second;");
        System.out.println("workers RSS: their count × the mean of their largest summed RSS; events/s: as the console counted them, to about 1 s");
        System.out.println("Processes left behind: " + (remote.killed().isEmpty() && local.killed().isEmpty() ? "none" : "killed "
                + Stream.concat(remote.killed().stream(), local.killed().stream()).toList()));
    }

    /** Requests by kind: the job list, single jobs, anything else by its path. */
    private static String byKind(List<RecordedRequest> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest request : requests) {
            String path = request.getUrl().encodedPath();
            String kind = path.equals("/api/jobs/") ? "list /api/jobs/" : path.matches("/api/jobs/\\d+/") ? "single /api/jobs/<id>/" : path;
            counts.merge(request.getMethod() + " " + kind, 1, Integer::sum);
        }
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList().toString();
    }

    private static String known(WatchTally tally) {
        return tally.jobs() + " distinct jobs (" + tally.active() + " active), " + tally.events() + " events in all";
    }

    /** From {@code -Dbench.seconds}, which the bench profile passes on. */
    private static int windowSeconds() {
        String value = System.getProperty(SECONDS_PROPERTY, String.valueOf(DEFAULT_SECONDS));
        int seconds = Integer.parseInt(value.strip());
        if (seconds < 1) {
            throw new IllegalArgumentException(SECONDS_PROPERTY + " must be at least 1, not " + seconds);
        }
        return seconds;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private RemoteWatchBench() {}
}
