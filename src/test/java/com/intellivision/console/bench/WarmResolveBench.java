package com.intellivision.console.bench;

import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.YtDlp;
import com.intellivision.console.media.YtDlpSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long a page link takes to resolve: the warm resolver (yt-dlp's module kept loaded) against the
 * {@code yt-dlp -j} program started per link with the same options, in one run, on an {@code og:video}
 * page served on 127.0.0.1 (so no network time counts), each link with its own query string so that
 * no cache answers:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.WarmResolveBench</pre>
 * Also the warm resolver's first link (Python starting and importing yt-dlp) and its resident memory.
 */
public final class WarmResolveBench {

    private static final int LINKS = 10;
    private static final double GOAL_SECONDS = 0.2;

    public static void main(String[] args) throws Exception {
        String machine = BenchSupport.machine();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/page", exchange -> {
            byte[] body = ("<html><head><title>Courtyard</title><meta property=\"og:video\" content=\"" + base + "/clip.mp4\"></head></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            YtDlpSettings settings = YtDlpSettings.of("yt-dlp");
            YtDlp warm = new YtDlp(settings);
            double first = secondsFor(warm, base + "/page?first");
            long pid = warm.warmPid().orElseThrow(() -> new IllegalStateException("the warm resolver did not start: is yt-dlp a Python program here?"));
            double[] ours = timed(warm, base + "/page?warm=");
            double[] theirs = timed(YtDlp.programOnly(settings), base + "/page?program=");
            long resolverRss = rssOf(pid);

            System.out.println("IntelliVision Console warm resolver benchmark: one og:video page link on 127.0.0.1, " + LINKS
                    + " links each with its own query string");
            System.out.println("Machine: " + machine + "; " + YtDlpSettings.of("yt-dlp").command() + " as installed here");
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "resolution time", "median s", "min s", "max s");
            print("yt-dlp -j, started per link (reference)", theirs);
            print("warm resolver (module kept loaded)", ours);
            System.out.printf(Locale.ROOT, "%-44s %9.3f%n", "warm resolver's first link (start + import)", first);
            System.out.println();
            double median = BenchSupport.percentile(ours, 0.5);
            System.out.printf(Locale.ROOT, "Warm median %.3f s, %.2fx the program's %.3f s; goal at most %.1f s: %s%n", median,
                    median / BenchSupport.percentile(theirs, 0.5), BenchSupport.percentile(theirs, 0.5), GOAL_SECONDS,
                    median <= GOAL_SECONDS ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "The warm resolver's resident memory after %d links: %.0f MiB%n", LINKS + 1, resolverRss / BenchSupport.MIB);
        } finally {
            server.stop(0);
        }
        System.exit(0);
    }

    private static double[] timed(YtDlp ytDlp, String link) throws MediaException {
        double[] seconds = new double[LINKS];
        for (int i = 0; i < LINKS; i++) {
            seconds[i] = secondsFor(ytDlp, link + i);
        }
        return seconds;
    }

    private static double secondsFor(YtDlp ytDlp, String link) throws MediaException {
        long started = System.nanoTime();
        ytDlp.resolve(link);
        return (System.nanoTime() - started) / 1e9;
    }

    private static void print(String name, double[] seconds) {
        System.out.printf(Locale.ROOT, "%-44s %9.3f %9.3f %9.3f%n", name, BenchSupport.percentile(seconds, 0.5),
                Arrays.stream(seconds).min().orElse(Double.NaN), BenchSupport.max(seconds));
    }

    private static long rssOf(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring(6).replace("kB", "").strip()).mapToLong(Long::parseLong).findFirst().orElse(0) * 1024;
    }
}
