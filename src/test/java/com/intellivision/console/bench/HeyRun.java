package com.intellivision.console.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of Debian's {@code hey} for a fixed number of requests ({@code -n}) from a fixed number of
 * concurrent clients ({@code -c}), and its figures read from the summary it prints: requests/s, the
 * latency distribution, the answers by status and the requests that got no answer.
 */
record HeyRun(long requests, int concurrency, double requestsPerSecond, double p50Ms, double p99Ms, Map<Integer, Long> statuses,
        long failedRequests, String output) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("(\\d+)%+ in ([\\d.]+) secs");
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern ERROR = Pattern.compile("^\\s*\\[(\\d+)]\\s+\\S", Pattern.MULTILINE);

    static boolean available() {
        try {
            Process probe = new ProcessBuilder("hey", "-n", "1", "-c", "1", "http://127.0.0.1:9/").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }

    /** {@code hey -n requests -c concurrency -m POST} with a JSON body and the given headers. */
    static HeyRun post(long requests, int concurrency, String url, String jsonBody, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("hey", "-n", String.valueOf(requests), "-c", String.valueOf(concurrency), "-t", "10",
                "-m", "POST", "-T", "application/json", "-d", jsonBody));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process hey = new ProcessBuilder(command).redirectErrorStream(true).start();
        hey.getOutputStream().close();
        String output = new String(hey.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!hey.waitFor(10, TimeUnit.MINUTES) || hey.exitValue() != 0) {
            hey.destroyForcibly();
            throw new IOException("hey did not end well: " + output);
        }
        return parse(requests, concurrency, output);
    }

    static HeyRun parse(long requests, int concurrency, String output) {
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in hey's output:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * 1000;
            switch (percentile.group(1)) {
                case "50" -> p50 = millis;
                case "99" -> p99 = millis;
                default -> { }
            }
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        Matcher status = STATUS.matcher(output);
        while (status.find()) {
            statuses.put(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)));
        }
        long failed = 0;
        int errors = output.indexOf("Error distribution:");
        if (errors >= 0) {
            Matcher error = ERROR.matcher(output.substring(errors));
            while (error.find()) {
                failed += Long.parseLong(error.group(1));
            }
        }
        return new HeyRun(requests, concurrency, Double.parseDouble(rate.group(1)), p50, p99, statuses, failed, output);
    }

    /** Answers other than {@code expected}, and requests with no answer at all. */
    long errors(int expected) {
        long answered = statuses.values().stream().mapToLong(Long::longValue).sum();
        return answered - statuses.getOrDefault(expected, 0L) + failedRequests + Math.max(0, requests - answered - failedRequests);
    }
}
