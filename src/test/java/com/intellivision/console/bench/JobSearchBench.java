package com.intellivision.console.bench;

import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Searching the local pool's store of 100,000 jobs, with its full-text index against a {@code LIKE
 * '%word%'} scan of the same columns for the same queries, in the same run on the same file:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.JobSearchBench</pre>
 * The jobs are written straight into {@code jobs.db} of a running engine (paused, so none is run), as
 * a busy pool leaves them: links of YouTube, Vimeo, camera streams and local files, both job types,
 * every status, the errors people see, each run job with its attempt. The index's searches go through
 * {@link LocalEngine#search} (the loop thread, the jobs read back as {@code Job}s); the scans read
 * every column of each row they return. Each kind of query is asked {@value #RUNS} times with other
 * words each time, after {@value #WARM_UP} unmeasured. The goal is under 100 ms each with the index.
 */
public final class JobSearchBench {

    private static final int JOBS = 100_000;
    private static final int RUNS = 200;
    private static final int WARM_UP = 20;
    private static final double GOAL_MS = 100;
    private static final long SEED = 20_250_301L;

    private static final String[] CITIES = {"lisbon", "porto", "berlin", "hamburg", "madrid", "sevilla", "paris", "lyon", "milan", "turin",
        "vienna", "prague", "warsaw", "krakow", "oslo", "bergen", "dublin", "cork", "zurich", "geneva"};
    private static final String[] PLACES = {"lobby", "parking", "entrance", "warehouse", "kitchen", "platform", "corridor", "checkout",
        "loading-dock", "reception", "stairs", "garden"};
    private static final String[] USERS = {"ana", "joao", "mira", "tomas", "li"};
    private static final String[] ERRORS = {
        "The video could not be opened: moov atom not found (the file is incomplete or not an MP4)",
        "Worker lost (exit code 137, killed by signal 9: the system ran out of memory or someone killed it)",
        "Worker exceeded memory limit (%d MiB > 768 MiB)",
        "The server answered 403 Forbidden for the video's stream",
        "This video is private; sign in with an account that can see it, or choose another",
        "Timed out after %d s while decoding frames",
        "yt-dlp: Sign in to confirm your age; pass cookies with --cookies",
        "No such file: the path does not exist or is not readable"};
    private static final String[] ERROR_WORDS = {"moov", "killed", "exceeded", "forbidden", "private", "timed", "cookies", "readable"};
    private static final String[] COMMON_WORDS = {"https", "mp4", "watch", "completed", "frame"};
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private static final String LIKE_COLUMNS = "(CAST(id AS TEXT) LIKE ? ESCAPE '\\' OR youtube_url LIKE ? ESCAPE '\\' OR job_type LIKE ? "
            + "ESCAPE '\\' OR status LIKE ? ESCAPE '\\' OR error LIKE ? ESCAPE '\\')";

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("job-search-bench");
        PoolConfig config = PoolConfig.defaults(data).withWorkerCount(1);
        System.out.println("IntelliVision Console job search benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + String.format(Locale.ROOT, "%,d", JOBS) + " jobs)");
        System.out.println();
        List<String> videoIds;
        try (LocalEngine engine = LocalEngine.start(config)) {
            engine.pause();
            long started = System.nanoTime();
            videoIds = fill(config.databaseFile(), new Random(SEED));
            System.out.printf(Locale.ROOT, "filled in %.1f s (new jobs join the index at the next search), %s on disk%n", (System.nanoTime() - started) / 1e9,
                    mib(data));
            while (engine.workers().get(0).state() != WorkerState.IDLE) {
                Thread.sleep(20);
            }
            try (Connection scan = DriverManager.getConnection("jdbc:sqlite:" + config.databaseFile())) {
                compare(engine, scan, videoIds);
            }
        }
        firstOpenOfAStoreWithoutTheIndex(config);
    }

    private static void compare(LocalEngine engine, Connection scan, List<String> videoIds) throws SQLException {
        Random random = new Random(SEED + 1);
        List<Kind> kinds = List.of(
                new Kind("a word of a link (a city)", i -> JobQuery.text(CITIES[i % CITIES.length])),
                new Kind("an error word", i -> JobQuery.text(ERROR_WORDS[i % ERROR_WORDS.length])),
                new Kind("status failed + a place", i -> JobQuery.text(PLACES[i % PLACES.length]).withStatuses(JobStatus.FAILED)),
                new Kind("a rare term (one video's id)", i -> JobQuery.text(videoIds.get(random.nextInt(videoIds.size())))),
                new Kind("a common term, limit 500", i -> JobQuery.text(COMMON_WORDS[i % COMMON_WORDS.length]).withLimit(500)),
                new Kind("a job's id", i -> JobQuery.text(String.valueOf(1 + random.nextInt(JOBS)))),
                new Kind("two words (place city)", i -> JobQuery.text(PLACES[i % PLACES.length] + " " + CITIES[(i * 7) % CITIES.length])),
                new Kind("filters only: failed people counts", i -> JobQuery.all().withStatuses(JobStatus.FAILED).withTypes(JobType.PEOPLE_COUNT)));
        String columns = "%-36s %8s %8s %8s %9s %9s %9s %8s  %s%n";
        System.out.printf(Locale.ROOT, columns, "query (limit 500)", "FTS p50", "p99", "max", "LIKE p50", "p99", "max", "found", "goal < 100 ms");
        for (Kind kind : kinds) {
            double[] fts = new double[RUNS];
            double[] like = new double[RUNS];
            long found = 0;
            for (int i = -WARM_UP; i < RUNS; i++) {
                JobQuery query = kind.query().apply(Math.floorMod(i, 1_000_000));
                long started = System.nanoTime();
                int ftsRows = engine.search(query).size();
                double ftsMs = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                likeScan(scan, query);
                double likeMs = (System.nanoTime() - started) / 1e6;
                if (i >= 0) {
                    fts[i] = ftsMs;
                    like[i] = likeMs;
                    found += ftsRows;
                }
            }
            Arrays.sort(fts);
            Arrays.sort(like);
            boolean met = percentile(fts, 99) < GOAL_MS;
            System.out.printf(Locale.ROOT, columns, kind.name(), ms(percentile(fts, 50)), ms(percentile(fts, 99)), ms(fts[RUNS - 1]),
                    ms(percentile(like, 50)), ms(percentile(like, 99)), ms(like[RUNS - 1]), found / RUNS, met ? "met" : "MISSED");
        }
        System.out.println("(found: jobs returned per query by the index, on average; milliseconds of each query, " + RUNS + " of each kind)");
    }

    /**
     * The reference: every word somewhere in the id, link, type, status or error ({@code LIKE} is
     * case-insensitive for ASCII), with the query's filters, newest first, every column read.
     */
    private static int likeScan(Connection connection, JobQuery query) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (List<String> word : query.words()) {
            conditions.add(LIKE_COLUMNS);
            String pattern = "%" + String.join("%", word).replace("\\", "\\\\").replace("_", "\\_") + "%";
            for (int column = 0; column < 5; column++) {
                arguments.add(pattern);
            }
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("status IN (" + String.join(", ", query.statuses().stream().map(status -> "'" + status.wireName() + "'").toList()) + ")");
        }
        if (!query.types().isEmpty()) {
            conditions.add("job_type IN (" + String.join(", ", query.types().stream().map(type -> "'" + type.wireName() + "'").toList()) + ")");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM jobs" + where + " ORDER BY id DESC LIMIT " + query.limit())) {
            for (int i = 0; i < arguments.size(); i++) {
                statement.setObject(i + 1, arguments.get(i));
            }
            int rows = 0;
            try (ResultSet row = statement.executeQuery()) {
                int count = row.getMetaData().getColumnCount();
                while (row.next()) {
                    for (int column = 1; column <= count; column++) {
                        row.getObject(column);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /** How long a console takes to open this store when it was made before there was an index: the index made and filled once. */
    private static void firstOpenOfAStoreWithoutTheIndex(PoolConfig config) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + config.databaseFile()); Statement sql = connection.createStatement()) {
            // No job left to run when it opens again.
            sql.execute("UPDATE jobs SET status = 'cancelled' WHERE status IN ('pending', 'processing')");
            for (int trigger = 1; trigger <= 4; trigger++) {
                sql.execute("DROP TRIGGER IF EXISTS jobs_fts_" + trigger);
            }
            sql.execute("DROP TABLE jobs_fts");
        }
        long started = System.nanoTime();
        try (LocalEngine engine = LocalEngine.start(config)) {
            double upgradeMs = (System.nanoTime() - started) / 1e6;
            long found = engine.search(JobQuery.text(CITIES[0])).size();
            engine.close();
            started = System.nanoTime();
            try (LocalEngine again = LocalEngine.start(config)) {
                double openMs = (System.nanoTime() - started) / 1e6;
                System.out.println();
                System.out.printf(Locale.ROOT, "opening the store made before the index: %.0f ms (index made and filled, then %d jobs found); "
                        + "opening it again: %.0f ms%n", upgradeMs, found, openMs);
            }
        }
    }

    /** The jobs, newest last, and the id of every YouTube video among them. */
    private static List<String> fill(Path database, Random random) throws SQLException {
        List<String> videoIds = new ArrayList<>();
        long now = System.currentTimeMillis();
        long start = now - 100L * 24 * 3600 * 1000;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement job = connection.prepareStatement("""
                    INSERT INTO jobs (job_type, status, youtube_url, params, results, error, attempts, priority, dead_letter, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement attempt = connection.prepareStatement("""
                    INSERT INTO job_attempts (job_id, number, worker_id, worker_pid, started_at, ended_at, outcome, error)
                    VALUES (?, 1, ?, ?, ?, ?, ?, ?)""")) {
                for (int id = 1; id <= JOBS; id++) {
                    boolean count = random.nextInt(10) < 3;
                    String status = status(random);
                    String url = url(random, videoIds);
                    String error = switch (status) {
                        case "failed" -> ERRORS[random.nextInt(ERRORS.length)].formatted(300 + random.nextInt(600));
                        case "cancelled" -> random.nextBoolean() ? "Cancelled before it started." : "Cancelled while running.";
                        default -> null;
                    };
                    long created = start + (now - start) * id / JOBS;
                    job.setString(1, count ? "people-count" : "youtube_frame_extraction");
                    job.setString(2, status);
                    job.setString(3, url);
                    job.setString(4, count ? "{\"fps\":2.0,\"detector\":\"hog\"}" : "{\"timestamp\":" + random.nextInt(600) + ".0,\"format\":\"png\"}");
                    job.setString(5, status.equals("completed") ? "{\"frame_url\":\"file:///data/frames/" + id + ".png\",\"method\":\"seek\"}" : null);
                    job.setString(6, error);
                    boolean ran = status.equals("completed") || status.equals("failed");
                    boolean dead = error != null && error.startsWith("Worker lost");
                    job.setInt(7, dead ? 3 : ran ? 1 : 0);
                    job.setInt(8, count ? 10 : 0);
                    job.setInt(9, dead ? 1 : 0);
                    job.setLong(10, created);
                    job.setLong(11, created + 2000);
                    job.executeUpdate();
                    if (ran) {
                        attempt.setLong(1, id);
                        attempt.setInt(2, 1 + random.nextInt(4));
                        attempt.setLong(3, 10_000 + random.nextInt(50_000));
                        attempt.setLong(4, created);
                        attempt.setLong(5, created + 2000);
                        attempt.setString(6, status);
                        attempt.setString(7, error);
                        attempt.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
        return videoIds;
    }

    private static String status(Random random) {
        int roll = random.nextInt(100);
        return roll < 70 ? "completed" : roll < 85 ? "failed" : roll < 93 ? "cancelled" : roll < 98 ? "pending" : "processing";
    }

    private static String url(Random random, List<String> videoIds) {
        int roll = random.nextInt(100);
        String city = CITIES[random.nextInt(CITIES.length)];
        String place = PLACES[random.nextInt(PLACES.length)];
        if (roll < 50) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            // Only ids that begin with a letter or digit: "-abc" would be a word "abc" to both searches.
            videoIds.add(id.toString().replaceAll("^[_-]+", ""));
            return roll < 40 ? "https://www.youtube.com/watch?v=" + id + (random.nextInt(4) == 0 ? "&t=" + random.nextInt(900) + "s" : "")
                    : "https://youtu.be/" + id;
        }
        if (roll < 60) {
            return "https://vimeo.com/" + (100_000_000 + random.nextInt(900_000_000));
        }
        if (roll < 80) {
            return "https://cams." + city + ".example.net/" + place + "/cam-" + (1 + random.nextInt(24)) + "/index.m3u8";
        }
        return "/home/" + USERS[random.nextInt(USERS.length)] + "/Videos/" + place + "/" + city + "-2025-" + (1 + random.nextInt(12)) + "-"
                + (1 + random.nextInt(28)) + ".mp4";
    }

    private record Kind(String name, IntFunction<JobQuery> query) {}

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String mib(Path data) throws Exception {
        try (var files = Files.walk(data)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
    }

    private JobSearchBench() {}
}
