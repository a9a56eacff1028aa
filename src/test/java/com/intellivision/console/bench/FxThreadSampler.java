package com.intellivision.console.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the FX thread was doing during a benchmark's long pulse gaps: samples its stack every
 * {@value #EVERY_MILLIS} ms and keeps each sample as a short line of its innermost frames of interest,
 * so that a gap can be explained afterwards without a profiler. Only with {@code -Dbench.sampleFx=true}:
 * sampling stops the thread briefly each time, which a measured run should not pay.
 */
final class FxThreadSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 1;
    private static final int FRAMES_KEPT = 9;

    private final Thread fxThread;
    private final Thread renderThread;
    private final Thread sampling;
    private final List<long[]> times = new ArrayList<>();
    private final List<String> stacks = new ArrayList<>();
    private final List<long[]> layouts = new ArrayList<>();
    private volatile boolean running = true;

    private FxThreadSampler(Thread fxThread, Thread renderThread) {
        this.fxThread = fxThread;
        this.renderThread = renderThread;
        this.sampling = new Thread(this::sample, "fx-thread-sampler");
        sampling.setDaemon(true);
        sampling.start();
    }

    /** A sampler of the running FX thread, or null where sampling was not asked for. */
    static FxThreadSampler startIfAsked() {
        if (!Boolean.getBoolean("bench.sampleFx")) {
            return null;
        }
        return new FxThreadSampler(named("JavaFX Application Thread"), named("QuantumRenderer-0"));
    }

    private static Thread named(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name)).findFirst().orElseThrow();
    }

    private void sample() {
        while (running) {
            StackTraceElement[] fx = fxThread.getStackTrace();
            String line = phaseOf(fx) + firstUseOf(fx) + " FX: " + summary(fx) + "\n          ours: " + ours(fx) + "\n          R: " + summary(renderThread.getStackTrace());
            synchronized (this) {
                times.add(new long[] {System.nanoTime()});
                stacks.add(line);
            }
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    /** Which part of the FX thread's round the stack is in, outermost first. */
    private static String phaseOf(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            String method = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (method.contains("FxEventBridge.drain")) {
                return "[events]";
            }
            if (method.contains("doCSSPass")) {
                return "[css]";
            }
            if (method.contains("doLayoutPass")) {
                return "[layout]";
            }
            if (method.contains("synchronizeSceneNodes") || method.contains("synchronizeSceneProperties")) {
                return "[sync]";
            }
            if (method.contains("TimelineClipCore") || method.contains("AnimationTimer")) {
                return "[animation]";
            }
            if (method.contains("getNextRunnable")) {
                return "[idle]";
            }
        }
        return "[other]";
    }

    /** Whether the stack is doing what happens only the first time code runs: loading classes, linking call sites. */
    private static String firstUseOf(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String method = frame.getClassName() + "." + frame.getMethodName();
            if (method.contains("BootstrapMethodInvoker") || method.contains("StringConcatFactory") || method.contains("LambdaMetafactory")) {
                return "[link]";
            }
            if (method.contains("ClassLoader.loadClass") || method.contains("defineClass") || frame.getMethodName().equals("<clinit>")) {
                return "[class]";
            }
        }
        return "";
    }

    private static String ours(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(frame -> frame.getClassName().startsWith("com.intellivision") && !frame.getClassName().contains("Lambda"))
                .limit(8).map(frame -> shortClass(frame.getClassName()) + "." + frame.getMethodName()).collect(Collectors.joining(" < "));
    }

    private static String summary(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(FxThreadSampler::ofInterest).limit(FRAMES_KEPT)
                    .map(frame -> shortClass(frame.getClassName()) + "." + frame.getMethodName())
                    .collect(Collectors.joining(" < "));
    }

    private static boolean ofInterest(StackTraceElement frame) {
        String name = frame.getClassName();
        return !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.");
    }

    private static String shortClass(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Notes a pulse's CSS and layout passes, on the FX thread. */
    void watchLayouts(com.intellivision.console.ui.shell.HeadlessConsole console) {
        long[] started = new long[1];
        console.aroundEachLayout(() -> started[0] = System.nanoTime(), () -> {
            long ended = System.nanoTime();
            synchronized (this) {
                layouts.add(new long[] {started[0], ended});
            }
        });
    }

    /** Milliseconds of CSS and layout passes that began between the two times. */
    synchronized double layoutMillisBetween(long fromNanos, long toNanos) {
        return layouts.stream().filter(pass -> pass[0] >= fromNanos && pass[0] <= toNanos).mapToLong(pass -> pass[1] - pass[0]).sum() / 1e6;
    }

    /** The samples taken between the two times, most frequent line first, with their counts. */
    synchronized String between(long fromNanos, long toNanos) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < times.size(); i++) {
            long at = times.get(i)[0];
            if (at >= fromNanos && at <= toNanos) {
                counts.merge(stacks.get(i), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .map(entry -> String.format(Locale.ROOT, "    %3d x %s", entry.getValue(), entry.getKey()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        running = false;
        sampling.interrupt();
    }
}
