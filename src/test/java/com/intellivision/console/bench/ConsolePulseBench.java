package com.intellivision.console.bench;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.ui.jobs.JobListViewModel;
import com.intellivision.console.ui.shell.HeadlessConsole;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether the window stays smooth while a busy pool reports to it: the longest gap between the FX
 * thread's pulses of the real console window, headless, while {@value SimulatedPool#WORKERS} workers
 * go through {@link SimulatedPool#JOBS} jobs (1,000, or {@code -Dbench.jobs}), beside the same window with no events:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.ConsolePulseBench</pre>
 * In this JVM, JavaFX runs on Monocle's headless screen with the software renderer, as the UI tests run
 * it. The window opens on a {@link SimulatedPool}, shows its jobs and the preview of a running people
 * count, and is then measured for a third of the run ({@code -Dbench.seconds}, 30 when not set; the
 * bench profile passes 60) with no events, as the reference, and for the rest while the pool
 * publishes. Also what the JVM spent meanwhile: CPU by thread, compiling, collecting garbage, resident
 * memory; and the events published.
 */
public final class ConsolePulseBench {

    private static final int DEFAULT_SECONDS = 30;
    private static final double GOAL_MILLIS = 50;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    /** For CSS, first layouts and the compiler to settle before the reference is measured. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long SAMPLE_MILLIS = 1000;
    /** The loaded phase's start, apart: the first events load classes, build JSON readers and set the compilers to work. */
    private static final Duration FIRST_OF_LOAD = Duration.ofSeconds(5);
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String RENDER_THREAD = "QuantumRenderer-0";
    private static final String PULSE_COLUMNS = "%-28s %7s %6s %6s %6s %7s %13s %7s %8s %6s%n";
    private static final String JVM_COLUMNS = "%-28s %6s %9s %8s %10s %14s %8s %8s%n";

    /** One measured stretch of the run: when each pulse came, and what the JVM did meanwhile. */
    private record Phase(String name, double seconds, long[] pulses, List<GcPauses.Pause> pauses, long events, long jobsEnded,
            double cpuPercent, double fxPercent, double renderPercent, long compilingMillis, long rssEnd, long rssMax) {

        double[] gaps() {
            return gapsOf(pulses);
        }

        /**
         * Gaps between {@code pulses} (this phase's, or some of them) longer than {@code millis}, and how
         * many of them a garbage collection's pause overlapped.
         */
        long[] longGapsOf(long[] pulses, double millis) {
            long longer = 0;
            long withPause = 0;
            for (int i = 1; i < pulses.length; i++) {
                if ((pulses[i] - pulses[i - 1]) / 1e6 > millis) {
                    longer++;
                    long from = pulses[i - 1];
                    long to = pulses[i];
                    withPause += pauses.stream().anyMatch(pause -> pause.startNanos() < to && pause.endNanos() > from) ? 1 : 0;
                }
            }
            return new long[] {longer, withPause};
        }

        /** The pulses from {@code skipped} after the phase's first one on. */
        long[] pulsesAfter(Duration skipped) {
            long from = pulses.length == 0 ? 0 : pulses[0] + skipped.toNanos();
            return Arrays.stream(pulses).filter(pulse -> pulse >= from).toArray();
        }

        /** Each gap over {@code millis}: when in the phase it ended, how long it was, and the collections it overlapped. */
        List<String> longGapsDescribed(double millis) {
            List<String> described = new ArrayList<>();
            for (int i = 1; i < pulses.length; i++) {
                long from = pulses[i - 1];
                long to = pulses[i];
                if ((to - from) / 1e6 > millis) {
                    String overlapped = pauses.stream().filter(pause -> pause.startNanos() < to && pause.endNanos() > from)
                            .map(pause -> pause.cause() + " " + (pause.endNanos() - pause.startNanos()) / 1_000_000 + " ms")
                            .collect(Collectors.joining(", "));
                    described.add(String.format(Locale.ROOT, "%.1f ms at %.1f s%s", (to - from) / 1e6, (to - pulses[0]) / 1e9,
                            overlapped.isEmpty() ? "" : " (GC: " + overlapped + ")"));
                }
            }
            return described;
        }

        long pauseMillis() {
            return pauses.stream().mapToLong(pause -> (pause.endNanos() - pause.startNanos()) / 1_000_000).sum();
        }
    }

    static double[] gapsOf(long[] pulses) {
        double[] gaps = new double[Math.max(0, pulses.length - 1)];
        for (int i = 1; i < pulses.length; i++) {
            gaps[i - 1] = (pulses[i] - pulses[i - 1]) / 1e6;
        }
        return gaps;
    }

    public static void main(String[] args) throws Exception {
        int seconds = BenchSupport.seconds(DEFAULT_SECONDS);
        Duration idle = Duration.ofMillis(seconds * 1000L / 3);
        Duration loaded = Duration.ofSeconds(seconds).minus(idle);
        String machineBefore = BenchSupport.machine();
        GcPauses pauses = GcPauses.listen();
        Path work = Files.createTempDirectory("console-pulse-bench");
        Phase reference;
        Phase busy;
        Map<String, Long> byKind;
        int rows;
        FxThreadSampler sampler = null;
        try (SimulatedPool pool = SimulatedPool.prepare(work)) {
            HeadlessConsole console = HeadlessConsole.open(new FixedCatalog(List.of(pool.deployment())));
            try {
                console.waitUntil(() -> console.jobRows() == Math.min(SimulatedPool.JOBS, JobListViewModel.MAX_ROWS), OPEN_TIMEOUT);
                console.select(pool.deployment().id(), pool.jobToWatch());
                Thread.sleep(SETTLE.toMillis());
                reference = measure("idle (no events): reference", console, idle, pool, pauses);
                sampler = FxThreadSampler.startIfAsked();
                if (sampler != null) {
                    sampler.watchLayouts(console);
                }
                pool.start();
                busy = measure("loaded (simulated pool)", console, loaded, pool, pauses);
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
        if (sampler != null) {
            sampler.close();
            printSamples(busy, sampler);
        }
        // The toolkit's threads would keep the JVM alive a while longer.
        System.exit(0);
    }

    /**
     * What the FX thread was doing in each gap while loaded over the goal, or over
     * {@code -Dbench.sampleOverMillis} to look into shorter ones.
     */
    private static void printSamples(Phase busy, FxThreadSampler sampler) {
        double over = Double.parseDouble(System.getProperty("bench.sampleOverMillis", String.valueOf(GOAL_MILLIS)));
        long[] pulses = busy.pulses();
        for (int i = 1; i < pulses.length; i++) {
            if ((pulses[i] - pulses[i - 1]) / 1e6 > over) {
                System.out.printf(Locale.ROOT, "FX thread in the %.1f ms gap at %.1f s (CSS and layout %.1f ms):%n%s%n",
                        (pulses[i] - pulses[i - 1]) / 1e6, (pulses[i] - pulses[0]) / 1e9, sampler.layoutMillisBetween(pulses[i - 1], pulses[i]),
                        sampler.between(pulses[i - 1], pulses[i]));
            }
        }
    }

    /** Records the pulses for {@code length}, sampling the JVM's memory once a second meanwhile. */
    private static Phase measure(String name, HeadlessConsole console, Duration length, SimulatedPool pool, GcPauses pauses)
            throws InterruptedException {
        long eventsFrom = pool.publishedInAll();
        long endedFrom = pool.jobsEnded();
        long cpuFrom = processCpuNanos();
        long fxFrom = threadCpuNanos(FX_THREAD);
        long renderFrom = threadCpuNanos(RENDER_THREAD);
        long compilingFrom = compilingMillis();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        HeadlessConsole.Pulses recording = console.recordPulses();
        long rssMax = 0;
        for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
            Thread.sleep(Math.min(SAMPLE_MILLIS, (deadline - now) / 1_000_000 + 1));
            rssMax = Math.max(rssMax, BenchSupport.ownMemory("VmRSS"));
        }
        long[] pulses = recording.stop();
        long ended = System.nanoTime();
        double elapsed = (ended - started) / 1e9;
        long rssEnd = BenchSupport.ownMemory("VmRSS");
        return new Phase(name, elapsed, pulses, pauses.between(started, ended), pool.publishedInAll() - eventsFrom,
                pool.jobsEnded() - endedFrom, percentOfOneCore(processCpuNanos() - cpuFrom, elapsed),
                percentOfOneCore(threadCpuNanos(FX_THREAD) - fxFrom, elapsed), percentOfOneCore(threadCpuNanos(RENDER_THREAD) - renderFrom, elapsed),
                compilingMillis() - compilingFrom, rssEnd, Math.max(rssMax, rssEnd));
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
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

    /** Time the JIT compilers spent so far, all compiler threads together. */
    private static long compilingMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    private static double percentOfOneCore(long cpuNanos, double seconds) {
        return cpuNanos / 1e9 / seconds * 100;
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
        System.out.println("Simulated: the deployment. The test fake holds the jobs (" + String.format(Locale.ROOT, "%,d", SimulatedPool.ENDED_BEFORE)
                + " ended, 8 running, the rest pending; it hands the");
        System.out.println("  window all of them, where the local pool's store would give the newest 500) and one thread publishes what a");
        System.out.println("  local pool publishes as its workers run them: jobs start and end (frames 0.1-0.4 s from files and links here,");
        System.out.println("  1-3 s from YouTube; people counts 10-40 s reporting progress 4 times a second; 1 in 20 fails), workers turn");
        System.out.println("  busy and idle, each worker's memory once a second, the queue's figures every 250 ms when they changed.");
        System.out.println("  No worker process runs and nothing is stored.");
        System.out.println("Pulses: an AnimationTimer's handle(), run at the start of every pulse on the FX thread, which keeps a pulse due");
        System.out.println("  every frame (60 a second): a gap over 16.7 ms is time the FX thread was held up. First the window without");
        System.out.println("  events (reference), then with the pool publishing, one after the other in this run.");
        System.out.println();
        System.out.printf(Locale.ROOT, PULSE_COLUMNS, "pulse gaps", "seconds", "pulses", "p50 ms", "p99 ms", "max ms", ">50 ms (GC)", "events",
                "events/s", "ended");
        for (Phase phase : List.of(reference, busy)) {
            printPulseRow(phase.name(), phase, phase.pulses(), phase.seconds(), String.valueOf(phase.events()),
                    String.format(Locale.ROOT, "%.1f", phase.events() / phase.seconds()), String.valueOf(phase.jobsEnded()));
        }
        long[] steady = busy.pulsesAfter(FIRST_OF_LOAD);
        printPulseRow("  loaded, from " + FIRST_OF_LOAD.toSeconds() + " s on", busy, steady,
                busy.seconds() - FIRST_OF_LOAD.toSeconds(), "", "", "");
        System.out.println();
        System.out.printf(Locale.ROOT, JVM_COLUMNS, "this JVM", "CPU", "FX thread", "renderer", "compiling", "GC pauses (ms)", "RSS end",
                "RSS max");
        for (Phase phase : List.of(reference, busy)) {
            System.out.printf(Locale.ROOT, JVM_COLUMNS, phase.name(), percent(phase.cpuPercent()), percent(phase.fxPercent()),
                    percent(phase.renderPercent()), phase.compilingMillis() + " ms", phase.pauses().size() + " (" + phase.pauseMillis() + ")",
                    mib(phase.rssEnd()), mib(phase.rssMax()));
        }
        System.out.println();
        double longest = BenchSupport.max(busy.gaps());
        System.out.printf(Locale.ROOT, "Longest pulse gap while loaded: %.1f ms (%.1f ms from %d s on) against %.1f ms idle; goal under %.0f ms: %s%n",
                longest, BenchSupport.max(gapsOf(steady)), FIRST_OF_LOAD.toSeconds(), BenchSupport.max(reference.gaps()), GOAL_MILLIS,
                longest < GOAL_MILLIS ? "met" : "NOT met");
        System.out.println("Gaps over " + (int) GOAL_MILLIS + " ms while loaded: " + String.join("; ", busy.longGapsDescribed(GOAL_MILLIS)));
        System.out.println("Events published to the window's subscription while loaded: " + byKind.entrySet().stream()
                .map(kind -> kind.getValue() + " " + kind.getKey()).collect(Collectors.joining(", ")));
        System.out.println(">50 ms (GC): gaps over 50 ms, and in brackets those a garbage collection's pause overlapped. CPU: this JVM's");
        System.out.println("(window, simulated pool, benchmark) over the phase in % of one core, and its FX and renderer threads' apart;");
        System.out.println("compiling: the JIT compilers' time; RSS: VmRSS of this JVM, sampled once a second (VmHWM at the end "
                + mib(BenchSupport.ownMemory("VmHWM")) + ")");
    }

    private static void printPulseRow(String name, Phase phase, long[] pulses, double seconds, String events, String perSecond,
            String ended) {
        double[] gaps = gapsOf(pulses);
        long[] longGaps = phase.longGapsOf(pulses, GOAL_MILLIS);
        System.out.printf(Locale.ROOT, PULSE_COLUMNS, name, String.format(Locale.ROOT, "%.1f", seconds), pulses.length,
                millis(BenchSupport.percentile(gaps, 0.5)), millis(BenchSupport.percentile(gaps, 0.99)), millis(BenchSupport.max(gaps)),
                longGaps[0] + " (" + longGaps[1] + ")", events, perSecond, ended);
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
