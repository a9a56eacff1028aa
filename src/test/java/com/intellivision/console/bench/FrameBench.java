package com.intellivision.console.bench;

import com.intellivision.console.bench.FrameBenchVideos.Video;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * How fast one frame comes out of a long video served over HTTP, and how much memory a worker needs
 * for it, printed beside their goals:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.FrameBench</pre>
 * Time to the frame at 60 s of a 10-minute 1080p video: a warm worker of the local engine against the
 * ffmpeg program and against downloading the whole file first, each from a loopback server at full
 * speed and held to 4 MB/s per connection, with the bytes the server sent. Then the peak resident memory
 * of a fresh worker taking a frame at 90 % of a 30-second, a 10-minute and a 60-minute video.
 * Needs the ffmpeg program (apt-get install -y ffmpeg); the videos are made once and cached.
 */
public final class FrameBench {

    private static final int SEEK_VIDEO_SECONDS = 600;
    private static final double AT_SECONDS = 60;
    private static final long THROTTLED_BYTES_PER_SECOND = 4_000_000;
    private static final int SEEK_RUNS = 9;
    private static final int DOWNLOAD_RUNS = 3;
    private static final List<Integer> MEMORY_VIDEO_SECONDS = List.of(30, 600, 3600);
    private static final double MEMORY_POSITION = 0.9;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    /** Time for a relay to notice its client hung up, so a run's bytes are all counted. */
    private static final long SETTLE_MILLIS = 200;
    /** The engine reads worker memory every 250 ms; two readings make sure one came after the job. */
    private static final long TWO_MEMORY_READINGS_MILLIS = 500;
    private static final double MIB = 1048576.0;

    /** One server address to fetch from: full speed or throttled, with its byte counter. */
    private record Link(String name, ThrottledProxy proxy, LoopbackHttpServer server) {

        String url(Video video) {
            return proxy.url(video.fileName());
        }
    }

    /** One timed run: wall time, worker-side time (NaN when there is no worker), bytes sent, its requests' Range headers. */
    private record Run(double millis, double workerMillis, long bytesSent, List<String> ranges) {

        int requests() {
            return ranges.size();
        }
    }

    /** Something that fetches the frame once and returns the worker-side milliseconds, or NaN. */
    private interface Method {
        double fetchFrame(Link link) throws Exception;
    }

    /** A worker's memory as the kernel tells it. */
    private record ProcMemory(long rssBytes, long peakBytes) {}

    /** A worker's peak memory over one job, as the engine sampled it and as the kernel recorded it. */
    private record MemoryPeak(long sampledBytes, long vmHwmBytes) {}

    public static void main(String[] args) throws Exception {
        String ffmpegVersion = FrameBenchProcesses.ffmpegVersion();
        List<Video> memoryVideos = new ArrayList<>();
        for (int seconds : MEMORY_VIDEO_SECONDS) {
            memoryVideos.add(FrameBenchVideos.ofLength(seconds));
        }
        Video seekVideo = FrameBenchVideos.ofLength(SEEK_VIDEO_SECONDS);
        Path work = Files.createTempDirectory("frame-bench");
        System.out.println("IntelliVision Console frame benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + ffmpegVersion + ", load average " + loadAverage() + ")");
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(Path.of(FrameBenchVideos.CACHE))) {
            timeToOneFrame(server, seekVideo, work);
            workerPeakMemory(server, memoryVideos, work);
        } finally {
            deleteRecursively(work);
        }
        System.out.println();
        System.out.println("load average at the end " + loadAverage() + " (other work on the machine makes the times noisy)");
    }

    /** The 1-minute load average, to tell a busy machine's figures from a quiet one's. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    // ---- 1. time to one frame ----

    private static void timeToOneFrame(LoopbackHttpServer server, Video video, Path work) throws Exception {
        try (ThrottledProxy fullSpeed = ThrottledProxy.start(server.url("/"), ThrottledProxy.UNLIMITED);
                ThrottledProxy throttled = ThrottledProxy.start(server.url("/"), THROTTLED_BYTES_PER_SECOND);
                LocalEngine engine = LocalEngine.start(PoolConfig.defaults(work.resolve("seek")).withWorkerCount(1))) {
            List<Link> links = List.of(new Link("unthrottled", fullSpeed, server),
                    new Link("4 MB/s per connection", throttled, server));
            long workerPid = awaitIdleWorker(engine).pid();
            Method ours = link -> oursOnce(engine, link.url(video));
            Method ffmpeg = link -> ffmpegOnce(link.url(video), work.resolve("ffmpeg.png"));
            Method downloadFirst = link -> downloadThenExtractOnce(link.url(video), work);
            Run firstJob = measure(links.get(0), ours);
            List<List<Run>> oursRuns = new ArrayList<>();
            List<List<Run>> ffmpegRuns = new ArrayList<>();
            List<List<Run>> downloadRuns = new ArrayList<>();
            for (Link link : links) {
                List<List<Run>> interleaved = measureInterleaved(link, ours, ffmpeg, SEEK_RUNS);
                oursRuns.add(interleaved.get(0));
                ffmpegRuns.add(interleaved.get(1));
                downloadRuns.add(measureRepeated(link, downloadFirst, DOWNLOAD_RUNS));
            }
            if (awaitIdleWorker(engine).pid() != workerPid) {
                System.out.println("warning: the worker was replaced during the runs, so some of them were not on a warm worker");
            }
            printTimeTable(video, links, firstJob, oursRuns, ffmpegRuns, downloadRuns);
        }
    }

    /** Alternates the two methods run by run, so drift in the machine's speed hits both alike. */
    private static List<List<Run>> measureInterleaved(Link link, Method first, Method second, int runs) throws Exception {
        List<Run> firstRuns = new ArrayList<>();
        List<Run> secondRuns = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            firstRuns.add(measure(link, first));
            secondRuns.add(measure(link, second));
        }
        return List.of(firstRuns, secondRuns);
    }

    private static List<Run> measureRepeated(Link link, Method method, int runs) throws Exception {
        List<Run> measured = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            measured.add(measure(link, method));
        }
        return measured;
    }

    private static Run measure(Link link, Method method) throws Exception {
        link.proxy().takeBytesSent();
        int requestsBefore = link.server().rangeHeaders().size();
        long started = System.nanoTime();
        double workerMillis = method.fetchFrame(link);
        double millis = (System.nanoTime() - started) / 1e6;
        Thread.sleep(SETTLE_MILLIS);
        List<String> ranges = link.server().rangeHeaders();
        return new Run(millis, workerMillis, link.proxy().takeBytesSent(), ranges.subList(requestsBefore, ranges.size()));
    }

    /** Submits a frame job to the idle worker and waits for it; returns the worker's processing_time. */
    private static double oursOnce(LocalEngine engine, String url) throws Exception {
        Job job = runFrameJob(engine, url, AT_SECONDS);
        return job.results().get("processing_time").asDouble() * 1000;
    }

    private static double ffmpegOnce(String input, Path png) throws Exception {
        FrameBenchProcesses.run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-ss", format(AT_SECONDS), "-i", input,
                "-frames:v", "1", "-y", png.toString()));
        requireImage(png);
        return Double.NaN;
    }

    /** The old way: the whole video to disk over HTTP, then the frame out of the local file. */
    private static double downloadThenExtractOnce(String url, Path work) throws Exception {
        Path local = work.resolve("downloaded.mp4");
        try {
            HttpResponse<Path> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(local));
            if (response.statusCode() != 200) {
                throw new IOException("downloading " + url + " answered HTTP " + response.statusCode());
            }
            return ffmpegOnce(local.toString(), work.resolve("downloaded.png"));
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private static void printTimeTable(Video video, List<Link> links, Run firstJob,
            List<List<Run>> ours, List<List<Run>> ffmpeg, List<List<Run>> downloadFirst) throws IOException {
        System.out.println();
        System.out.printf(Locale.ROOT, "1. Time to one frame at %s s of a %s 1080p30 H.264 video (%.0f MiB, 4 Mbit/s, keyframe every 2 s),%n",
                format(AT_SECONDS), video.label(), video.sizeMiB());
        System.out.println("   served over HTTP with Range support on 127.0.0.1; medians, with the bytes the server sent per run");
        System.out.println();
        String columns = "%-46s | %11s %10s %4s | %11s %10s %4s%n";
        System.out.printf(Locale.ROOT, columns, "", links.get(0).name(), "", "", links.get(1).name(), "", "");
        System.out.printf(Locale.ROOT, columns, "method", "time", "sent", "req", "time", "sent", "req");
        printMethodRow(columns, "ours: warm worker, submit to completed (" + SEEK_RUNS + "x)", ours);
        printWorkerTimeRow(columns, "  of which worker processing_time", ours);
        printMethodRow(columns, "ffmpeg -ss 60 -i URL -frames:v 1 out.png (" + SEEK_RUNS + "x)", ffmpeg);
        printMethodRow(columns, "download whole file, then ffmpeg on it (" + DOWNLOAD_RUNS + "x)", downloadFirst);
        System.out.println();
        String ratios = "%-46s | %11s %15s | %11s %15s   goal %s%n";
        printRatioRow(ratios, "ours / ffmpeg", ours, ffmpeg, "<= 1.3x");
        printRatioRow(ratios, "download then extract / ours", downloadFirst, ours, "> 10x when throttled");
        System.out.println();
        System.out.printf(Locale.ROOT, "first job of the just-started worker (unthrottled): %.0f ms, of which worker %.0f ms%n",
                firstJob.millis(), firstJob.workerMillis());
        System.out.printf(Locale.ROOT, "Range headers of one throttled run: ours %s, ffmpeg %s (file size %d bytes)%n",
                rangesOf(ours.get(1)), rangesOf(ffmpeg.get(1)), Files.size(video.file()));
        System.out.println("unthrottled 'sent' counts what the server had pushed into socket buffers when the reader closed an");
        System.out.println("open-ended range (bytes=N-); held to 4 MB/s, it is close to what the reader used");
    }

    private static String rangesOf(List<Run> runs) {
        return runs.get(runs.size() - 1).ranges().stream().map(range -> range.isEmpty() ? "(none)" : range).toList().toString();
    }

    private static void printMethodRow(String columns, String what, List<List<Run>> runsPerLink) {
        List<String> cells = new ArrayList<>();
        for (List<Run> runs : runsPerLink) {
            cells.add(millis(median(runs, Run::millis)));
            cells.add(String.format(Locale.ROOT, "%.2f MiB", median(runs, Run::bytesSent) / MIB));
            cells.add(String.format(Locale.ROOT, "%.0f", median(runs, Run::requests)));
        }
        System.out.printf(Locale.ROOT, columns, Stream.concat(Stream.of(what), cells.stream()).toArray());
    }

    private static void printWorkerTimeRow(String columns, String what, List<List<Run>> runsPerLink) {
        List<String> cells = new ArrayList<>();
        for (List<Run> runs : runsPerLink) {
            cells.addAll(List.of(millis(median(runs, Run::workerMillis)), "", ""));
        }
        System.out.printf(Locale.ROOT, columns, Stream.concat(Stream.of(what), cells.stream()).toArray());
    }

    private static void printRatioRow(String columns, String what, List<List<Run>> numerator, List<List<Run>> denominator, String goal) {
        List<Object> cells = new ArrayList<>(List.of(what));
        for (int link = 0; link < numerator.size(); link++) {
            cells.add(String.format(Locale.ROOT, "%.2fx", median(numerator.get(link), Run::millis) / median(denominator.get(link), Run::millis)));
            cells.add("");
        }
        cells.add(goal);
        System.out.printf(Locale.ROOT, columns, cells.toArray());
    }

    // ---- 2. worker memory ----

    private static void workerPeakMemory(LoopbackHttpServer server, List<Video> videos, Path work) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "2. Worker peak RSS taking one frame at %.0f %% of the video (same 1080p30 4 Mbit/s stream, unthrottled,%n",
                MEMORY_POSITION * 100);
        System.out.println("   a fresh worker per video; the engine samples RSS at 4 Hz, VmHWM is the kernel's exact peak)");
        System.out.println();
        String columns = "%-8s %10s %10s %12s %12s %14s %12s%n";
        System.out.printf(Locale.ROOT, columns, "video", "file", "job time", "idle RSS", "idle VmHWM", "peak (4 Hz)", "VmHWM after");
        List<MemoryPeak> peaks = new ArrayList<>();
        for (Video video : videos) {
            peaks.add(peakMemoryRow(columns, server, video, work));
        }
        System.out.println();
        printSpread("spread of peak RSS, 4 Hz samples (max-min)/min", peaks.stream().mapToLong(MemoryPeak::sampledBytes).toArray());
        printSpread("spread of VmHWM after the job (max-min)/min", peaks.stream().mapToLong(MemoryPeak::vmHwmBytes).toArray());
    }

    /** Prints one video's row on a fresh worker and returns its peaks. */
    private static MemoryPeak peakMemoryRow(String columns, LoopbackHttpServer server, Video video, Path work) throws Exception {
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(work.resolve("memory-" + video.seconds())).withWorkerCount(1))) {
            long pid = awaitIdleWorker(engine).pid();
            ProcMemory idle = procMemory(pid);
            long started = System.nanoTime();
            runFrameJob(engine, server.url(video.fileName()), video.seconds() * MEMORY_POSITION);
            double jobMillis = (System.nanoTime() - started) / 1e6;
            ProcMemory afterJob = procMemory(pid);
            Thread.sleep(TWO_MEMORY_READINGS_MILLIS);
            long sampledPeak = engine.workers().get(0).peakRssBytes();
            System.out.printf(Locale.ROOT, columns, video.label(), mib(Files.size(video.file())), millis(jobMillis), mib(idle.rssBytes()),
                    mib(idle.peakBytes()), mib(sampledPeak), mib(afterJob.peakBytes()));
            return new MemoryPeak(sampledPeak, afterJob.peakBytes());
        }
    }

    private static void printSpread(String what, long[] peaks) {
        long max = Arrays.stream(peaks).max().orElseThrow();
        long min = Arrays.stream(peaks).min().orElseThrow();
        System.out.printf(Locale.ROOT, "%-58s %9.1f %-4s goal %s%n", what, 100.0 * (max - min) / min, "%", "flat within 15 %");
    }

    /** VmRSS and VmHWM from /proc/<pid>/status. */
    private static ProcMemory procMemory(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
        return new ProcMemory(statusKiB(status, "VmRSS:") * 1024, statusKiB(status, "VmHWM:") * 1024);
    }

    private static long statusKiB(List<String> status, String key) {
        return status.stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).replace("kB", "").strip())
                .mapToLong(Long::parseLong).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " in /proc status"));
    }

    // ---- shared ----

    private static WorkerInfo awaitIdleWorker(LocalEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            WorkerInfo worker = engine.workers().get(0);
            if (worker.state() == WorkerState.IDLE) {
                return worker;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the worker did not become idle within " + JOB_TIMEOUT.toSeconds() + " s");
    }

    /** Runs a frame job on the engine and checks it took the frame asked for. */
    private static Job runFrameJob(LocalEngine engine, String url, double atSeconds) throws Exception {
        Job job = engine.awaitTerminal(engine.submit(JobRequest.frame(url, FrameParams.at(atSeconds))).id(), JOB_TIMEOUT);
        if (job.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("benchmark job failed: " + job.error());
        }
        double taken = job.results().get("timestamp").asDouble();
        if (Math.abs(taken - atSeconds) > 0.05) {
            throw new IllegalStateException("the job took the frame at " + taken + " s instead of " + atSeconds + " s");
        }
        return job;
    }

    private static void requireImage(Path png) throws IOException {
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("ffmpeg wrote no image to " + png);
        }
        Files.delete(png);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private FrameBench() {}
}
