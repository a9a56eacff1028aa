package com.intellivision.console.bench;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import com.intellivision.console.ui.shell.HeadlessConsole;
import com.intellivision.console.ui.shell.HeadlessConsole.FrameAsked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How long a person waits for a frame: from pressing Enter in the submit bar to the frame painted in
 * the preview, in the real console window (headless) on the real local pool, beside the ffmpeg program
 * taking the same frame from the same link on the same machine:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.EnterToFrameBench</pre>
 * The video is 60 s of 1920 x 1080 H.264 at 25 frames a second made by the tests' own writer
 * ({@link TestVideos}: each frame shows its number, so both images are checked for being the frame asked
 * for), cached in {@value FrameBenchVideos#CACHE} and served by {@link LoopbackHttpServer} on 127.0.0.1.
 * The pool has one worker, started and warmed by one untimed frame (through the window, and one untimed
 * ffmpeg run) before {@value #RUNS} timed runs at different times around 40 s, the console's and
 * ffmpeg's alternating. TestFX's robot types the link and the time and presses Enter (real key events,
 * headless); the clock starts when the window gets the Enter key and stops at the first pulse after the
 * preview's image has loaded. ffmpeg's time is the wall clock of
 * {@code ffmpeg -ss T -i URL -frames:v 1 -y out.png}, from starting the process to its exit.
 */
public final class EnterToFrameBench {

    private static final int RUNS = 5;
    /** Frame times (multiples of 1/25 s) around 40 s, each a different distance past a keyframe (every 2 s). */
    private static final List<Double> TIMES = List.of(38.52, 39.32, 40.12, 40.92, 41.72);
    private static final double WARM_UP_TIME = 20.04;
    private static final int VIDEO_SECONDS = 60;
    private static final int FPS = 25;
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final String VIDEO_NAME = "frame-coded-1080p25-h264-60s.mp4";
    private static final double GOAL_RATIO = 1.5;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final String COLUMNS = "%-7s %7s | %9s %10s %8s %9s %8s | %8s | %s%n";

    /** One timed run of each: the window's steps, the job, and ffmpeg. */
    private record Run(double at, FrameAsked console, double workerMillis, int consoleFrame, double ffmpegMillis, int ffmpegFrame) {

        double consoleMillis() {
            return console.enterToPaintedMillis();
        }
    }

    public static void main(String[] args) throws Exception {
        String ffmpegVersion = FrameBenchProcesses.ffmpegVersion();
        Path video = frameCodedVideo();
        String machineBefore = BenchSupport.machine();
        Path work = Files.createTempDirectory("enter-to-frame-bench");
        List<Run> runs = new ArrayList<>();
        double firstMillis;
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(video.getParent())) {
            String url = server.url(video.getFileName().toString());
            LocalDeployment pool = LocalDeployment.start(PoolConfig.defaults(work.resolve("pool")).withWorkerCount(1));
            HeadlessConsole console = HeadlessConsole.open(new FixedCatalog(List.of(pool)));
            try {
                long workerPid = awaitIdleWorker(pool).pid();
                firstMillis = console.askForFrame(url, time(WARM_UP_TIME), JOB_TIMEOUT).enterToPaintedMillis();
                ffmpegOnce(url, WARM_UP_TIME, work.resolve("warm-up.png"));
                for (int run = 0; run < RUNS; run++) {
                    runs.add(timeBoth(console, pool, url, TIMES.get(run % TIMES.size()), work));
                }
                if (awaitIdleWorker(pool).pid() != workerPid) {
                    System.out.println("warning: the worker was replaced during the runs, so some of them were not on a warm worker");
                }
            } finally {
                console.close();
            }
        } finally {
            BenchSupport.deleteRecursively(work);
        }
        printReport(ffmpegVersion, machineBefore, video, firstMillis, runs);
        // The toolkit's threads would keep the JVM alive a while longer.
        System.exit(0);
    }

    private static Run timeBoth(HeadlessConsole console, LocalDeployment pool, String url, double at, Path work) throws Exception {
        awaitIdleWorker(pool);
        FrameAsked asked = console.askForFrame(url, time(at), JOB_TIMEOUT);
        Job job = pool.job(asked.jobId()).orElseThrow();
        if (job.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("the frame job failed: " + job.error());
        }
        int consoleFrame = TestVideos.frameNumberOf(Path.of(job.outputImage()));
        Path png = work.resolve("ffmpeg.png");
        double ffmpegMillis = ffmpegOnce(url, at, png);
        int ffmpegFrame = TestVideos.frameNumberOf(png);
        Files.delete(png);
        return new Run(at, asked, job.results().path("processing_time").asDouble() * 1000, consoleFrame, ffmpegMillis, ffmpegFrame);
    }

    /** Wall clock of one {@code ffmpeg -ss T -i URL -frames:v 1 -y out.png}, in milliseconds. */
    private static double ffmpegOnce(String url, double at, Path png) throws Exception {
        long started = System.nanoTime();
        FrameBenchProcesses.run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-ss", time(at), "-i", url, "-frames:v", "1", "-y",
                png.toString()));
        double millis = (System.nanoTime() - started) / 1e6;
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("ffmpeg wrote no image to " + png);
        }
        return millis;
    }

    /** The pool's first worker once it is idle, waiting for it; benches time each job on an idle worker. */
    static WorkerInfo awaitIdleWorker(LocalDeployment pool) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<WorkerInfo> workers = pool.workerMonitor().orElseThrow().workers();
            if (!workers.isEmpty() && workers.get(0).state() == WorkerState.IDLE) {
                return workers.get(0);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the worker did not become idle within " + JOB_TIMEOUT.toSeconds() + " s");
    }

    /** The benchmark's video, made with the tests' own writer the first time and cached for later runs. */
    private static Path frameCodedVideo() throws IOException {
        Path file = Files.createDirectories(Path.of(FrameBenchVideos.CACHE)).resolve(VIDEO_NAME);
        if (!Files.exists(file)) {
            System.out.printf("making %s with TestVideos (cached for later runs) ...%n", file);
            Path partial = file.resolveSibling(VIDEO_NAME + ".part");
            TestVideos.writeFrameCodedVideo(partial, VIDEO_SECONDS, FPS, WIDTH, HEIGHT);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void printReport(String ffmpegVersion, String machineBefore, Path video, double firstMillis, List<Run> runs)
            throws IOException {
        System.out.println("IntelliVision Console Enter-to-frame benchmark: Enter in the submit bar to the frame painted in the preview,");
        System.out.println("against ffmpeg taking the same frame from the same link");
        System.out.println("Machine: " + machineBefore + " before, " + BenchSupport.loadAverage() + " after; " + ffmpegVersion);
        System.out.printf(Locale.ROOT, "Video: %s, %d s of %d x %d H.264 at %d frames/s, keyframe every 2 s, index at the end (%.1f MiB),%n",
                video.getFileName(), VIDEO_SECONDS, WIDTH, HEIGHT, FPS, Files.size(video) / BenchSupport.MIB);
        System.out.println("  made by TestVideos (the tests' writer, OpenH264), served over HTTP with Range support on 127.0.0.1");
        System.out.println("Console: the real window, headless (Monocle, software renderer), on the real local pool with 1 worker, warmed by");
        System.out.printf(Locale.ROOT, "  one untimed frame (%.0f ms, Enter to painted, on the just-started worker); TestFX's robot types the link and%n",
                firstMillis);
        System.out.println("  the time and presses Enter. From the window getting the Enter key to the first pulse after the preview's");
        System.out.println("  image loaded. ffmpeg: wall clock of the process, started after the console's run (one untimed run first).");
        System.out.println();
        System.out.printf(Locale.ROOT, COLUMNS, "run", "at (s)", "console", "Enter to", "worker", "image", "loaded", "ffmpeg",
                "frame console / ffmpeg / asked");
        System.out.printf(Locale.ROOT, COLUMNS, "", "", "total", "image set", "time", "loading", "to pulse", "", "");
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            System.out.printf(Locale.ROOT, COLUMNS, i + 1, String.format(Locale.ROOT, "%.2f", run.at()), millis(run.consoleMillis()),
                    millis(run.console().enterToImageSetMillis()), millis(run.workerMillis()), millis(run.console().loadingMillis()),
                    millis(run.console().loadedToPaintedMillis()), millis(run.ffmpegMillis()),
                    run.consoleFrame() + " / " + run.ffmpegFrame() + " / " + Math.round(run.at() * FPS));
        }
        printSummaryRow("median", runs, 0.5);
        printSummaryRow("max", runs, 1);
        System.out.println();
        double medianRatio = percentile(runs, Run::consoleMillis, 0.5) / percentile(runs, Run::ffmpegMillis, 0.5);
        double maxRatio = percentile(runs, Run::consoleMillis, 1) / percentile(runs, Run::ffmpegMillis, 1);
        System.out.printf(Locale.ROOT, "console / ffmpeg: %.2fx at the median, %.2fx at the max; goal at most %.1fx: %s%n", medianRatio, maxRatio,
                GOAL_RATIO, medianRatio <= GOAL_RATIO ? "met" : "NOT met");
        System.out.println("worker time: the worker's own processing_time for the job; Enter to image set: the submission, the queue, the");
        System.out.println("worker and the job's event reaching the window; image loading: the preview decoding the PNG in the background");
    }

    private static void printSummaryRow(String what, List<Run> runs, double fraction) {
        System.out.printf(Locale.ROOT, COLUMNS, what, "", millis(percentile(runs, Run::consoleMillis, fraction)),
                millis(percentile(runs, run -> run.console().enterToImageSetMillis(), fraction)),
                millis(percentile(runs, Run::workerMillis, fraction)), millis(percentile(runs, run -> run.console().loadingMillis(), fraction)),
                millis(percentile(runs, run -> run.console().loadedToPaintedMillis(), fraction)),
                millis(percentile(runs, Run::ffmpegMillis, fraction)), "");
    }

    private static double percentile(List<Run> runs, ToDoubleFunction<Run> value, double fraction) {
        return BenchSupport.percentile(runs.stream().mapToDouble(value).toArray(), fraction);
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private EnterToFrameBench() {}
}
