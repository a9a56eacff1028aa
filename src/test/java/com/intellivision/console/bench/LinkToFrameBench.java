package com.intellivision.console.bench;

import com.intellivision.console.app.LocalLinkPreview;
import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.ui.shell.HeadlessConsole;
import com.intellivision.console.ui.submit.LinkCardView;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * From submitting a page link to its frame, on the warm local pool, beside what a script would do:
 * {@code yt-dlp -j} for the stream, then {@code ffmpeg -ss T -i STREAM -frames:v 1}, in one run:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.LinkToFrameBench</pre>
 * The page is an {@code og:video} page on 127.0.0.1 naming a 30 s 1080p H.264 video served beside it
 * ({@link FrameBenchVideos}), each run with its own query string so that no cache answers either side.
 * The pool has one worker, warmed by one untimed job (its warm resolver started); the two sides
 * alternate, {@value #RUNS} runs each. Also, in the console's window (headless) on that pool, the time
 * from pasting a new link to its card painted, and the worker's resolver memory.
 */
public final class LinkToFrameBench {

    private static final int RUNS = 10;
    private static final double AT = 12.5;
    private static final double GOAL_RATIO = 0.4;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String ffmpegVersion = FrameBenchProcesses.ffmpegVersion();
        String machine = BenchSupport.machine();
        FrameBenchVideos.Video video = FrameBenchVideos.ofLength(FrameBenchVideos.CLIP_SECONDS);
        Path work = Files.createTempDirectory("link-to-frame-bench");
        double[] ours = new double[RUNS];
        double[] theirs = new double[RUNS];
        double[] cards = new double[RUNS];
        long resolverRss;
        try (LoopbackHttpServer site = LoopbackHttpServer.serving(site(work.resolve("site"), video.file()))) {
            String page = site.url("/courtyard.html");
            writePage(work.resolve("site"), site.url("/courtyard.mp4"));
            PoolConfig config = PoolConfig.defaults(work.resolve("pool")).withWorkerCount(1);
            LocalDeployment pool = LocalDeployment.start(config, new LocalLinkPreview(config));
            HeadlessConsole window = HeadlessConsole.open(new FixedCatalog(List.of(pool)));
            try {
                frame(pool, page + "?warm-up");
                window.pasteToCardMillis(page + "?card-warm-up", JOB_TIMEOUT);
                for (int run = 0; run < RUNS; run++) {
                    ours[run] = frame(pool, page + "?ours=" + run);
                    theirs[run] = script(page + "?theirs=" + run, work.resolve("script.png"));
                    cards[run] = window.pasteToCardMillis(page + "?card=" + run, JOB_TIMEOUT) / 1000;
                }
                resolverRss = resolverMemory(EnterToFrameBench.awaitIdleWorker(pool));
            } finally {
                window.close();
            }
        } finally {
            BenchSupport.deleteRecursively(work);
        }
        System.out.println("IntelliVision Console link-to-frame benchmark: a frame at " + AT + " s of an og:video page on 127.0.0.1 ("
                + video.label() + " of 1920 x 1080 H.264), " + RUNS + " links each with its own query string");
        System.out.println("Machine: " + machine + "; " + ffmpegVersion + "; yt-dlp as installed here");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %9s %9s %9s%n", "seconds", "median", "min", "max");
        print("yt-dlp -j, then ffmpeg -ss T -i STREAM -frames:v 1 (reference)", theirs);
        print("local pool: submit to completed frame, warm worker", ours);
        print("window: paste of a new link to its card painted", cards);
        System.out.println();
        double ratio = BenchSupport.percentile(ours, 0.5) / BenchSupport.percentile(theirs, 0.5);
        System.out.printf(Locale.ROOT, "Submit to frame: %.2fx the script's time; goal at most %.1fx: %s%n", ratio, GOAL_RATIO,
                ratio <= GOAL_RATIO ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "Paste to card: median %.3f s (a typed link waits %.0f ms more, for the typing to pause)%n",
                BenchSupport.percentile(cards, 0.5), LinkCardView.PAUSE_MILLIS);
        System.out.printf(Locale.ROOT, "The worker's warm resolver after %d links: %.0f MiB resident%n", RUNS + 1, resolverRss / BenchSupport.MIB);
        System.exit(0);
    }

    /** The site's folder: the video, and the page written once the server's port is known. */
    private static Path site(Path folder, Path video) throws IOException {
        Files.createDirectories(folder);
        Files.createLink(folder.resolve("courtyard.mp4"), video);
        return folder;
    }

    private static void writePage(Path folder, String videoUrl) throws IOException {
        Files.writeString(folder.resolve("courtyard.html"), "<!doctype html><html><head><title>Courtyard</title>"
                + "<meta property=\"og:video\" content=\"" + videoUrl + "\"></head><body></body></html>");
    }

    /** Seconds from submitting a frame job of {@code link} to its completion, on an idle worker. */
    private static double frame(LocalDeployment pool, String link) throws Exception {
        EnterToFrameBench.awaitIdleWorker(pool);
        long started = System.nanoTime();
        Job job = pool.awaitTerminal(pool.submit(JobRequest.frame(link, FrameParams.at(AT))).id(), JOB_TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (job.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("the frame job of " + link + " ended " + job.status() + ": " + job.error());
        }
        return seconds;
    }

    /** Seconds of {@code yt-dlp -j LINK} and then ffmpeg on the stream it names, as a script would run them. */
    private static double script(String link, Path png) throws Exception {
        long started = System.nanoTime();
        String stream = JSON.readTree(FrameBenchProcesses.run(List.of("yt-dlp", "-j", "--no-playlist", "--no-warnings", link)))
                .path("url").asText();
        FrameBenchProcesses.run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-ss", String.valueOf(AT), "-i", stream,
                "-frames:v", "1", "-y", png.toString()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("ffmpeg wrote no image for " + link);
        }
        Files.delete(png);
        return seconds;
    }

    /** Resident memory of the worker's children (its warm resolver), from /proc. */
    private static long resolverMemory(WorkerInfo worker) throws IOException {
        long pid = worker.pid();
        return ProcessHandle.of(pid).orElseThrow().children().mapToLong(child -> rssOf(child.pid())).sum();
    }

    private static long rssOf(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring(6).replace("kB", "").strip()).mapToLong(Long::parseLong).findFirst().orElse(0) * 1024;
        } catch (IOException gone) {
            return 0;
        }
    }

    private static void print(String name, double[] seconds) {
        System.out.printf(Locale.ROOT, "%-58s %9.3f %9.3f %9.3f%n", name, BenchSupport.percentile(seconds, 0.5),
                Arrays.stream(seconds).min().orElse(Double.NaN), BenchSupport.max(seconds));
    }

    private LinkToFrameBench() {}
}
