package com.intellivision.console.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What one watching console cost over the measured window, read from outside the process.
 *
 * @param seconds the window's length as it turned out
 * @param consoleCpuPercent the console's CPU time over the window, in % of one core
 * @param consoleRssMax the console's largest resident set seen, sampled once a second
 * @param workers how many worker processes the console had at the end of the window
 * @param workersRssMax the largest sum of the workers' resident sets seen
 * @param workersCpuPercent the workers' CPU time over the window, in % of one core (those alive at both ends)
 * @param requestsFrom the server's request count when the window opened
 * @param requestsTo the server's request count when it closed
 * @param tallyFrom what the console had heard when the window opened
 * @param tallyTo what it had heard when it closed
 */
record WatchFigures(double seconds, double consoleCpuPercent, long consoleRssMax, int workers, long workersRssMax,
        double workersCpuPercent, int requestsFrom, int requestsTo, WatchTally tallyFrom, WatchTally tallyTo) {

    private static final long SAMPLE_MILLIS = 1000;

    double requestsPerSecond() {
        return (requestsTo - requestsFrom) / seconds;
    }

    /** Approximate: the console prints its tally once a second. */
    double eventsPerSecond() {
        return (tallyTo.events() - tallyFrom.events()) / seconds;
    }

    /** Measures {@code console} for {@code window}; {@code requestsSoFar} counts what the server received. */
    static WatchFigures measure(WatchingConsoleProcess console, Duration window, IntSupplier requestsSoFar)
            throws IOException, InterruptedException {
        WatchTally tallyFrom = console.latestTally();
        Map<Long, Duration> workersCpuFrom = cpuByPid(console.children());
        int requestsFrom = requestsSoFar.getAsInt();
        Duration cpuFrom = console.cpu();
        long started = System.nanoTime();
        long deadline = started + window.toNanos();

        long consoleRssMax = 0;
        long workersRssMax = 0;
        while (true) {
            long now = System.nanoTime();
            if (now < deadline) {
                Thread.sleep(Math.min(SAMPLE_MILLIS, (deadline - now) / 1_000_000 + 1));
            }
            consoleRssMax = Math.max(consoleRssMax, WatchingConsoleProcess.rssOf(console.pid()));
            workersRssMax = Math.max(workersRssMax, console.children().stream().mapToLong(child -> WatchingConsoleProcess.rssOf(child.pid())).sum());
            if (System.nanoTime() >= deadline) {
                break;
            }
        }

        Duration cpuTo = console.cpu();
        int requestsTo = requestsSoFar.getAsInt();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<ProcessHandle> workersAtEnd = console.children();
        Duration workersCpu = Duration.ZERO;
        for (Map.Entry<Long, Duration> worker : cpuByPid(workersAtEnd).entrySet()) {
            Duration from = workersCpuFrom.get(worker.getKey());
            if (from != null) {
                workersCpu = workersCpu.plus(worker.getValue().minus(from));
            }
        }
        return new WatchFigures(seconds, percentOfOneCore(cpuTo.minus(cpuFrom), seconds), consoleRssMax, workersAtEnd.size(), workersRssMax,
                percentOfOneCore(workersCpu, seconds), requestsFrom, requestsTo, tallyFrom, console.latestTally());
    }

    private static Map<Long, Duration> cpuByPid(List<ProcessHandle> processes) {
        Map<Long, Duration> cpu = new HashMap<>();
        processes.forEach(process -> cpu.put(process.pid(), WatchingConsoleProcess.cpuOf(process)));
        return cpu;
    }

    private static double percentOfOneCore(Duration cpu, double seconds) {
        return cpu.toNanos() / 1e9 / seconds * 100;
    }
}
