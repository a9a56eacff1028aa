package com.intellivision.console.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of Debian's {@code wrk} with {@code --latency}, and its figures read from what it prints:
 * requests/s, the latency distribution (50/75/90/99 %), responses with a status over 399 ("Non-2xx or
 * 3xx responses", so a 202 counts as a success) and socket errors.
 */
record WrkRun(double requestsPerSecond, long requests, double p50Ms, double p75Ms, double p90Ms, double p99Ms, long non2xx,
        long socketErrors, String output) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);

    /** Whether {@code wrk} can be started from the PATH. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }

    /** {@code wrk -t<threads> -c<connections> -d<seconds>s --latency [-s script] url [-- args]}. */
    static WrkRun run(int threads, int connections, int seconds, Path script, String url, String... scriptArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "5s"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        wrk.getOutputStream().close();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IOException("wrk did not end: " + output);
        }
        if (wrk.exitValue() != 0) {
            throw new IOException("wrk exited " + wrk.exitValue() + ": " + output);
        }
        return parse(output);
    }

    static WrkRun parse(String output) {
        double[] percentiles = new double[4];
        boolean[] seen = new boolean[4];
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            int slot = switch (percentile.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            percentiles[slot] = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            seen[slot] = true;
        }
        for (boolean one : seen) {
            if (!one) {
                throw new IllegalStateException("no latency distribution in wrk's output:\n" + output);
            }
        }
        long socketErrors = 0;
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return new WrkRun(Double.parseDouble(first(RATE, output, "Requests/sec")), Long.parseLong(first(TOTAL, output, "requests in")),
                percentiles[0], percentiles[1], percentiles[2], percentiles[3], count(NON_2XX, output), socketErrors, output);
    }

    long errors() {
        return non2xx + socketErrors;
    }

    private static String first(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + what + " in wrk's output:\n" + output);
        }
        return matcher.group(1);
    }

    private static long count(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static double toMillis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }
}
