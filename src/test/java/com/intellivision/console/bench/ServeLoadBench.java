package com.intellivision.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.testsupport.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The headless {@code serve} under a real HTTP load generator on the loopback, Debian's {@code wrk}
 * ({@code apt-get install wrk}; the bench stops with exit 2 without it):
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.ServeLoadBench -Dbench.seconds=10</pre>
 * One serve JVM with the options of {@code packaging/serve.jvm-options}, one worker and {@code --allow-private-urls}; each phase is
 * {@code wrk -t2 -c32} for {@code bench.seconds} after a 2 s warm-up run (10 s if the property is unset; the bench
 * profile passes its default of 60, so give {@code -Dbench.seconds=10} for the one-minute run): the health check as the
 * framework's ceiling, polling 100 finished jobs, then job creation. Created jobs link to the closed port 9 on the
 * loopback, so the worker fails each at once. RSS is read from /proc every 0.5 s, the serve JVM apart from its workers.
 */
public final class ServeLoadBench {

    private static final int DEFAULT_SECONDS = 10;
    private static final int WARM_UP_SECONDS = 2;
    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    private static final int POLLED_JOBS = 100;
    /** The issue of scale people ask about: many consoles polling at once, and a burst of submissions. */
    private static final int POLLERS = 100;
    private static final int SUBMISSIONS = 10_000;
    private static final long RSS_GOAL = 200L << 20;
    private static final Path SERVE_JVM_OPTIONS = Path.of("packaging", "serve.jvm-options");
    private static final String COLUMNS = "%-30s %11s %9s %9s %9s %8s %10s  %-28s %s%n";

    /** A measured phase and its goal, if it has one; the RSS goal is judged apart, over the whole run. */
    private record Phase(String name, WrkRun run, long serveRss, long workersRss, double rateGoal, double p99GoalMs) {
        boolean met() {
            return run.requestsPerSecond() >= rateGoal && run.p99Ms() < p99GoalMs && run.errors() == 0;
        }
    }

    /** The options the README gives for running serve, as a java launcher argument file. */
    private static List<String> serveJvmOptions() throws IOException {
        return Files.readAllLines(SERVE_JVM_OPTIONS).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    public static void main(String[] args) throws Exception {
        if (!WrkRun.available()) {
            System.err.println("ServeLoadBench needs wrk on the PATH (Debian: apt-get install wrk); it was not found, nothing was measured");
            System.exit(2);
        }
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", String.valueOf(DEFAULT_SECONDS)).strip());
        Path work = Files.createTempDirectory("serve-load-bench");
        String loadBefore = loadAverage();
        ServeProcess serve = null;
        RssSampler rss = null;
        List<Long> leftBehind = new ArrayList<>();
        try {
            Path create = copyResource("serve-create.lua", work);
            Path poll = copyResource("serve-poll.lua", work);
            List<String> jvmOptions = serveJvmOptions();
            serve = ServeProcess.start(work.resolve("data"), jvmOptions, "--allow-private-urls",
                    // All the load comes from 127.0.0.1, up to 100 connections at once: past 16 at once the per-client limit
                    // would answer 429, as it should to one client; here they stand for many.
                    "--max-requests-per-client", String.valueOf(2 * POLLERS));
            rss = RssSampler.start(serve.handle());
            String token = serve.token();
            String base = serve.url();
            System.out.printf(Locale.ROOT, "serve at %s: 1 worker, JVM options (%s) %s, --allow-private-urls%n", base, SERVE_JVM_OPTIONS,
                    String.join(" ", jvmOptions));
            System.out.printf(Locale.ROOT, "wrk -t%d -c%d, %d s per phase after a %d s warm-up run; created jobs link to http://127.0.0.1:9/"
                    + " (closed): the worker stays on, each job fails at once%n%n", THREADS, CONNECTIONS, seconds, WARM_UP_SECONDS);

            Phase health = measure("GET /health/ (reference)", rss, seconds, null, base + "/health/", Double.NaN, Double.NaN);
            List<Long> ids = createJobs(base, token, POLLED_JOBS);
            long settled = awaitSettled(base);
            String idList = String.join(",", ids.stream().map(String::valueOf).toList());
            Phase polling = measure("GET /api/jobs/<id>/ (polling)", rss, seconds, poll, base + "/api/jobs/", 5_000, 10, token, idList);
            Phase creation = measure("POST /api/get-youtube-frame/", rss, seconds, create, base + "/api/get-youtube-frame/", 1_000, 20, token);
            rss.resetPhase();
            WrkRun pollers = WrkRun.run(THREADS, POLLERS, seconds, poll, base + "/api/jobs/", token, idList);
            long pollersRss = rss.phaseServeMax();
            HeyRun burst = HeyRun.available() ? submitBurst(base, token, rss) : null;
            long burstRss = rss.phaseServeMax();
            JsonNode after = health(base);

            System.out.printf(Locale.ROOT, COLUMNS, "phase", "requests/s", "p50 ms", "p90 ms", "p99 ms", "errors", "serve RSS", "goal", "verdict");
            for (Phase phase : List.of(creation, polling, health)) {
                WrkRun run = phase.run();
                boolean reference = Double.isNaN(phase.rateGoal());
                System.out.printf(Locale.ROOT, COLUMNS, phase.name(), String.format(Locale.ROOT, "%.0f", run.requestsPerSecond()),
                        ms(run.p50Ms()), ms(run.p90Ms()), ms(run.p99Ms()), run.non2xx() + "+" + run.socketErrors(), mib(phase.serveRss()),
                        reference ? "(framework's ceiling)" : String.format(Locale.ROOT, ">= %,.0f/s, p99 < %.0f ms", phase.rateGoal(),
                                phase.p99GoalMs()), reference ? "-" : phase.met() ? "met" : "MISSED");
            }
            System.out.printf(Locale.ROOT, "%n%d pollers at once (wrk -t%d -c%d, %d s, GET /api/jobs/<id>/): %.0f requests/s, p50 %s ms, p99 %s ms,"
                    + " %d errors, serve RSS %s%n", POLLERS, THREADS, POLLERS, seconds, pollers.requestsPerSecond(), ms(pollers.p50Ms()),
                    ms(pollers.p99Ms()), pollers.errors(), mib(pollersRss));
            if (burst == null) {
                System.out.println("a burst of submissions needs hey on the PATH (Debian: apt-get install hey); not measured");
            } else {
                System.out.printf(Locale.ROOT, "%,d submissions, %d clients at once (hey -n %d -c %d, POST /api/get-youtube-frame/): %.0f requests/s,"
                        + " p50 %s ms, p99 %s ms, answers %s, %d errors (goal 0: %s), serve RSS %s%n", burst.requests(), burst.concurrency(),
                        burst.requests(), burst.concurrency(), burst.requestsPerSecond(), ms(burst.p50Ms()), ms(burst.p99Ms()), burst.statuses(),
                        burst.errors(202), burst.errors(202) == 0 ? "met" : "MISSED", mib(burstRss));
            }
            System.out.println();
            long serveMax = rss.serveMax();
            System.out.println();
            System.out.printf(Locale.ROOT, "serve JVM RSS, max over the run (workers not included): %s (goal < 200 MiB: %s)%n", mib(serveMax),
                    serveMax < RSS_GOAL ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "its workers' RSS, max of their sum (up to %d processes): %s%n", rss.workersCountMax(),
                    mib(rss.workersMax()));
            System.out.println("errors: wrk's \"Non-2xx or 3xx responses\" (status > 399) + socket errors (connect, read, write, timeout)");
            System.out.printf(Locale.ROOT, "jobs: %d polled, finished before polling (%d left pending or processing); %d requests created jobs,"
                    + " %d still pending behind the worker at the end%n", ids.size(), settled, creation.run().requests()
                    + warmUpCreated.get(), after.path("pending").asLong());
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %s before, %s after; wrk runs on the same cores%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        } finally {
            if (rss != null) {
                rss.close();
            }
            if (serve != null) {
                List<ProcessHandle> descendants = serve.handle().descendants().toList();
                int code = serve.stop();
                for (ProcessHandle child : descendants) {
                    if (child.isAlive()) {
                        leftBehind.add(child.pid());
                        child.destroyForcibly();
                    }
                }
                System.out.println("serve stopped with SIGTERM, exit code " + code + "; processes left behind: "
                        + (leftBehind.isEmpty() ? "none" : "killed " + leftBehind));
            }
            deleteRecursively(work);
        }
    }

    /** {@value #SUBMISSIONS} job submissions from {@value #POLLERS} clients at once, each a job the worker fails at once. */
    private static HeyRun submitBurst(String base, String token, RssSampler rss) throws IOException, InterruptedException {
        rss.resetPhase();
        return HeyRun.post(SUBMISSIONS, POLLERS, base + "/api/get-youtube-frame/", "{\"youtube_url\":\"http://127.0.0.1:9/burst.mp4\"}",
                "Authorization: Bearer " + token);
    }

    private static final AtomicLong warmUpCreated = new AtomicLong();

    /** A warm-up run, then the measured one, with the largest RSS seen during it. */
    private static Phase measure(String name, RssSampler rss, int seconds, Path script, String url, double rateGoal, double p99GoalMs,
            String... scriptArgs) throws IOException, InterruptedException {
        WrkRun warmUp = WrkRun.run(THREADS, CONNECTIONS, WARM_UP_SECONDS, script, url, scriptArgs);
        if (name.startsWith("POST")) {
            warmUpCreated.set(warmUp.requests());
        }
        rss.resetPhase();
        WrkRun run = WrkRun.run(THREADS, CONNECTIONS, seconds, script, url, scriptArgs);
        return new Phase(name, run, rss.phaseServeMax(), rss.phaseWorkersMax(), rateGoal, p99GoalMs);
    }

    private static List<Long> createJobs(String base, String token, int count) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/get-youtube-frame/"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"youtube_url\":\"http://127.0.0.1:9/polled-" + i + ".mp4\"}")).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("creating a job answered " + response.statusCode() + ": " + response.body());
            }
            long id = json.readTree(response.body()).path("data").path("job_id").asLong();
            if (id <= 0) {
                throw new IllegalStateException("no data.job_id in " + response.body());
            }
            ids.add(id);
        }
        HttpResponse<String> polled = client.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + ids.get(0) + "/"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (polled.statusCode() != 200) {
            throw new IllegalStateException("polling job " + ids.get(0) + " answered " + polled.statusCode() + ": " + polled.body());
        }
        return ids;
    }

    /** Waits (up to 60 s) for the worker to have failed every job; returns how many were still not done. */
    private static long awaitSettled(String base) throws IOException, InterruptedException {
        long open = Long.MAX_VALUE;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline && open > 0; Thread.sleep(200)) {
            JsonNode health = health(base);
            open = health.path("pending").asLong() + health.path("processing").asLong();
        }
        return open;
    }

    private static JsonNode health(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private static Path copyResource(String name, Path folder) throws IOException {
        try (InputStream in = ServeLoadBench.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IOException("no /bench/" + name + " on the class path");
            }
            Path copy = folder.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** VmRSS of the serve JVM and the sum over its descendants (the workers), every 0.5 s. */
    private static final class RssSampler implements AutoCloseable {
        private final ProcessHandle serve;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private long serveMax;
        private long workersMax;
        private long workersCountMax;
        private long phaseServeMax;
        private long phaseWorkersMax;

        private RssSampler(ProcessHandle serve) {
            this.serve = serve;
        }

        static RssSampler start(ProcessHandle serve) {
            RssSampler sampler = new RssSampler(serve);
            sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 500, TimeUnit.MILLISECONDS);
            return sampler;
        }

        private synchronized void sample() {
            long own = vmRss(serve.pid());
            List<ProcessHandle> workers = serve.descendants().toList();
            long theirs = workers.stream().mapToLong(worker -> vmRss(worker.pid())).sum();
            serveMax = Math.max(serveMax, own);
            workersMax = Math.max(workersMax, theirs);
            workersCountMax = Math.max(workersCountMax, workers.size());
            phaseServeMax = Math.max(phaseServeMax, own);
            phaseWorkersMax = Math.max(phaseWorkersMax, theirs);
        }

        private static long vmRss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // The process ended between listing and reading.
            }
            return 0;
        }

        synchronized void resetPhase() {
            phaseServeMax = 0;
            phaseWorkersMax = 0;
        }

        synchronized long phaseServeMax() {
            return phaseServeMax;
        }

        synchronized long phaseWorkersMax() {
            return phaseWorkersMax;
        }

        synchronized long serveMax() {
            return serveMax;
        }

        synchronized long workersMax() {
            return workersMax;
        }

        synchronized long workersCountMax() {
            return workersCountMax;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
