package com.intellivision.console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the window benchmarks share: the machine, the run's length, this JVM's memory, percentiles. */
final class BenchSupport {

    private static final String SECONDS_PROPERTY = "bench.seconds";
    static final double MIB = 1048576.0;

    private BenchSupport() {}

    /** The cores and the load averages over 1, 5 and 15 minutes, to tell a busy machine's figures from a quiet one's. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    /** From {@code -Dbench.seconds}, which the bench profile passes on; {@code otherwise} when it is not set. */
    static int seconds(int otherwise) {
        String value = System.getProperty(SECONDS_PROPERTY);
        int seconds = value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
        if (seconds < 1) {
            throw new IllegalArgumentException(SECONDS_PROPERTY + " must be at least 1, not " + seconds);
        }
        return seconds;
    }

    /** This JVM's resident memory now (VmRSS) or at its highest (VmHWM), in bytes, from /proc/self/status. */
    static long ownMemory(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).replace("kB", "").strip())
                    .mapToLong(Long::parseLong).findFirst().orElseThrow(() -> new IllegalStateException("no " + field + " in /proc/self/status"))
                    * 1024;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The value below which {@code fraction} of {@code values} lie (nearest rank); NaN when there are none. */
    static double percentile(double[] values, double fraction) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
