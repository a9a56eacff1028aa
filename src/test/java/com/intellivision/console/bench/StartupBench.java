package com.intellivision.console.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting the console to its window on the screen, and to the console ready in it (the pool
 * up, the views loaded), for the packaged app (target/dist, from {@code mvn -Ppackage package}) side by
 * side with {@code java -jar target/intellivision-console.jar}, in turns, in one run. Seen from outside
 * as a person sees it: xdotool looks for a visible window titled "IntelliVision Console" every 10 ms;
 * while the console is starting its title says so. Each start has a data directory of its own.
 * <p>
 * Needs a display (DISPLAY, e.g. Xvfb) and xdotool. {@code -Dbench.rounds=N} (default 5);
 * {@code -Dbench.baselineJar=JAR} adds another build's jar as a third column.
 */
public final class StartupBench {

    private static final String TITLE = "IntelliVision Console";
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("StartupBench needs a display: run it with DISPLAY set (Xvfb :99 will do)");
        }
        int rounds = Integer.getInteger("bench.rounds", 5);
        Map<String, List<String>> starts = new LinkedHashMap<>();
        starts.put("packaged app", List.of(Path.of("target/dist/intellivision-console/bin/intellivision-console").toAbsolutePath().toString()));
        starts.put("java -jar", List.of(javaCommand(), "-jar", Path.of("target/intellivision-console.jar").toAbsolutePath().toString()));
        String baseline = System.getProperty("bench.baselineJar");
        if (baseline != null) {
            starts.put("java -jar (baseline)", List.of(javaCommand(), "-jar", baseline));
        }
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        starts.keySet().forEach(name -> figures.put(name, new ArrayList<>()));
        System.out.println("Start-up to window, " + rounds + " rounds in turns; " + BenchSupport.machine());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> start : starts.entrySet()) {
                figures.get(start.getKey()).add(timeOneStart(start.getValue()));
            }
        }
        System.out.printf("%n%-22s %18s %18s%n", "", "window shown (s)", "console ready (s)");
        for (Map.Entry<String, List<double[]>> row : figures.entrySet()) {
            System.out.printf("%-22s %18s %18s%n", row.getKey(), medianAndRange(row.getValue(), 0), medianAndRange(row.getValue(), 1));
        }
        System.out.println("median [min-max]; goal: the packaged app's window in under 1.5 s. Ends with "
                + BenchSupport.machine());
    }

    /** Seconds to the window shown and to the console ready, for one start of {@code command}. */
    private static double[] timeOneStart(List<String> command) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("startup-bench");
        List<String> withData = new ArrayList<>(command);
        withData.addAll(List.of("--data-dir", dataDir.toString()));
        long started = System.nanoTime();
        Process console = new ProcessBuilder(withData).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        try {
            double shown = secondsUntilWindow(TITLE + ".*", started, console);
            double ready = secondsUntilWindow(TITLE, started, console);
            return new double[] {shown, ready};
        } finally {
            console.descendants().forEach(ProcessHandle::destroy);
            console.destroy();
            console.waitFor(20, TimeUnit.SECONDS);
            deleteTree(dataDir);
        }
    }

    private static double secondsUntilWindow(String titlePattern, long started, Process console) throws IOException, InterruptedException {
        while (System.nanoTime() - started < GIVE_UP_NANOS) {
            Process search = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "^" + titlePattern + "$")
                    .redirectErrorStream(true).start();
            String found = new String(search.getInputStream().readAllBytes()).strip();
            search.waitFor();
            if (!found.isEmpty()) {
                return (System.nanoTime() - started) / 1e9;
            }
            if (!console.isAlive()) {
                throw new IllegalStateException("the console ended (exit " + console.exitValue() + ") before its window showed");
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no window titled " + titlePattern + " within 60 s");
    }

    private static String medianAndRange(List<double[]> runs, int column) {
        double[] sorted = runs.stream().mapToDouble(run -> run[column]).sorted().toArray();
        return String.format("%.2f [%.2f-%.2f]", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        }
    }
}
