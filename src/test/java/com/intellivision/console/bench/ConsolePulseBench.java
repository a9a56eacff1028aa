package com.intellivision.console.bench;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.ui.shell.HeadlessConsole;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether the window stays smooth while a busy pool reports to it: the longest gap between the FX
 * thread's pulses of the real console window, headless, while {@value SimulatedPool#WORKERS} workers
 * go through {@value SimulatedPool#JOBS} jobs, beside the same window with no events:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.ConsolePulseBench</pre>
 * In this JVM, JavaFX runs on Monocle's headless screen with the software renderer, as the UI tests run
 * it. The window opens on a {@link SimulatedPool}, shows its jobs and the preview of a running people
 * count, and is then measured for a third of the run ({@code -Dbench.seconds}, 30 when not set; the
 * bench profile passes 60) with no events, as the reference, and for the rest while the pool
 * publishes. Also the JVM's resident memory, its CPU, its garbage collections, and the events published.
 */
public final class ConsolePulseBench {

    private static final int DEFAULT_SECONDS = 30;
    private static final double GOAL_MILLIS = 50;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    /** For CSS, first layouts and the compiler to settle before the reference is measured. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long SAMPLE_MILLIS = 1000;
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String RENDER_THREAD = "QuantumRenderer-0";
    private static final String COLUMNS = "%-28s %7s %6s %6s %6s %7s %6s %6s %8s %5s %5s %5s %6s %8s %8s %8s%n";

    /** One measured stretch of the run. */
    private record Phase(String name, double seconds, double[] gaps, long events, long jobsEnded, double cpuPercent, double fxPercent,
            double renderPercent, long rssEnd, long rssMax, long collections, long collectionMillis) {}

    public static void main(String[] args) throws Exception {
        int seconds = BenchSupport.seconds(DEFAULT_SECONDS);
        Duration idle = Duration.ofMillis(seconds * 1000L / 3);
        Duration loaded = Duration.ofSeconds(seconds).minus(idle);
        String machineBefore = BenchSupport.machine();
        Path work = Files.createTempDirectory("console-pulse-bench");
        Phase reference;
        Phase busy;
        Map<String, Long> byKind;
        int rows;
        try (SimulatedPool pool = SimulatedPool.prepare(work)) {
            HeadlessConsole console = HeadlessConsole.open(new FixedCatalog(List.of(pool.deployment())));
            try {
                console.waitUntil(() -> console.jobRows() == SimulatedPool.JOBS, OPEN_TIMEOUT);
                console.select(pool.deployment().id(), pool.jobToWatch());
                Thread.sleep(SETTLE.toMillis());
                reference = measure("idle (no events): reference", console, idle, pool);
                pool.start();
                busy = measure("loaded (simulated pool)", console, loaded, pool);
                rows = console.jobRows();
            } finally {
                // The pool stops publishing before the window closes.
                pool.close();
                console.close();
            }
            byKind = pool.publishedByKind();
        } finally {
            BenchSupport.deleteRecursively(work);
        }
        printReport(machineBefore, reference, busy, byKind, rows);
        // The toolkit's threads would keep the JVM alive a while longer.
        System.exit(0);
    }

    /** Records the pulses for {@code length}, sampling the JVM's memory once a second meanwhile. */
    private static Phase measure(String name, HeadlessConsole console, Duration length, SimulatedPool pool) throws InterruptedException {
        long eventsFrom = pool.publishedInAll();
        long endedFrom = pool.jobsEnded();
        long[] collectionsFrom = collections();
        Duration cpuFrom = cpu();
        long fxFrom = threadCpuNanos(FX_THREAD);
        long renderFrom = threadCpuNanos(RENDER_THREAD);
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        HeadlessConsole.Pulses pulses = console.recordPulses();
        long rssMax = 0;
        for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
            Thread.sleep(Math.min(SAMPLE_MILLIS, (deadline - now) / 1_000_000 + 1));
            rssMax = Math.max(rssMax, BenchSupport.ownMemory("VmRSS"));
        }
        double[] gaps = pulses.stop();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long rssEnd = BenchSupport.ownMemory("VmRSS");
        long[] collectionsTo = collections();
        double cpuPercent = cpu().minus(cpuFrom).toNanos() / 1e9 / elapsed * 100;
        double fxPercent = (threadCpuNanos(FX_THREAD) - fxFrom) / 1e9 / elapsed * 100;
        double renderPercent = (threadCpuNanos(RENDER_THREAD) - renderFrom) / 1e9 / elapsed * 100;
        return new Phase(name, elapsed, gaps, pool.publishedInAll() - eventsFrom, pool.jobsEnded() - endedFrom, cpuPercent, fxPercent,
                renderPercent, rssEnd, Math.max(rssMax, rssEnd), collectionsTo[0] - collectionsFrom[0], collectionsTo[1] - collectionsFrom[1]);
    }

    /** Garbage collections so far, and the milliseconds they took, all collectors together. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** CPU time of the thread so named so far, 0 when there is none. */
    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo thread : threads.dumpAllThreads(false, false, 0)) {
            if (thread.getThreadName().equals(name)) {
                return Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return 0;
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void printReport(String machineBefore, Phase reference, Phase busy, Map<String, Long> byKind, int rows) {
        System.out.println("IntelliVision Console pulse benchmark: the longest wait of the window's FX thread while a pool of "
                + SimulatedPool.WORKERS + " workers goes through " + String.format(Locale.ROOT, "%,d", SimulatedPool.JOBS) + " jobs");
        System.out.println("Machine: " + machineBefore + " before, " + BenchSupport.loadAverage() + " after; Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, options "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> option.startsWith("-X")).toList());
        System.out.println();
        System.out.println("Real: the whole console window (ConsoleSession with every view and view model, FxEventBridge's batches, the jobs");
        System.out.println("  table with " + rows + " rows, the preview of a running people count), JavaFX 21 on Monocle's headless screen of");
        System.out.println("  1440 x 900 with the software renderer, in this JVM. The window's own timers run as usual.");
        System.out.println("Simulated: the deployment. The test fake holds the jobs (200 ended, 8 running, the rest pending; it hands the");
        System.out.println("  window all of them, where the local pool's store would give the newest 500) and one thread publishes what a");
        System.out.println("  local pool publishes as its workers run them: jobs start and end (frames 0.1-0.4 s from files and links here,");
        System.out.println("  1-3 s from YouTube; people counts 10-40 s reporting progress 4 times a second; 1 in 20 fails), workers turn");
        System.out.println("  busy and idle, each worker's memory once a second, the queue's figures every 250 ms when they changed.");
        System.out.println("  No worker process runs and nothing is stored.");
        System.out.println("Pulses: an AnimationTimer's handle(), run at the start of every pulse on the FX thread, which keeps a pulse due");
        System.out.println("  every frame (60 a second): a gap over 16.7 ms is time the FX thread was held up. First the window without");
        System.out.println("  events (reference), then with the pool publishing, one after the other in this run.");
        System.out.println();
        System.out.printf(Locale.ROOT, COLUMNS, "phase", "seconds", "pulses", "p50 ms", "p99 ms", "max ms", ">50 ms", "events", "events/s",
                "ended", "CPU", "FX", "render", "RSS end", "RSS max", "GCs (ms)");
        for (Phase phase : List.of(reference, busy)) {
            System.out.printf(Locale.ROOT, COLUMNS, phase.name(), String.format(Locale.ROOT, "%.1f", phase.seconds()), phase.gaps().length + 1,
                    millis(BenchSupport.percentile(phase.gaps(), 0.5)), millis(BenchSupport.percentile(phase.gaps(), 0.99)),
                    millis(BenchSupport.max(phase.gaps())), over(phase.gaps(), GOAL_MILLIS), phase.events(),
                    String.format(Locale.ROOT, "%.1f", phase.events() / phase.seconds()), phase.jobsEnded(),
                    percent(phase.cpuPercent()), percent(phase.fxPercent()), percent(phase.renderPercent()), mib(phase.rssEnd()),
                    mib(phase.rssMax()),
                    phase.collections() + " (" + phase.collectionMillis() + ")");
        }
        System.out.println();
        double longest = BenchSupport.max(busy.gaps());
        System.out.printf(Locale.ROOT, "Longest pulse gap while loaded: %.1f ms against %.1f ms idle; goal under %.0f ms: %s%n", longest,
                BenchSupport.max(reference.gaps()), GOAL_MILLIS, longest < GOAL_MILLIS ? "met" : "NOT met");
        System.out.println("Events published to the window's subscription while loaded: " + byKind.entrySet().stream()
                .map(kind -> kind.getValue() + " " + kind.getKey()).collect(Collectors.joining(", ")));
        System.out.println("CPU: this JVM's (window, simulated pool and benchmark) over the phase, in % of one core; FX: the FX thread's,");
        System.out.println("render: the renderer thread's; RSS: VmRSS of this JVM, sampled once a second (VmHWM at the end: "
                + mib(BenchSupport.ownMemory("VmHWM")) + "); GCs: collections in the phase and the milliseconds they took");
    }

    private static long over(double[] gaps, double millis) {
        return Arrays.stream(gaps).filter(gap -> gap > millis).count();
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / BenchSupport.MIB);
    }

    private ConsolePulseBench() {}
}
