package com.intellivision.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * A people count split across the local pool against the same count on one worker, on a real pool of
 * two worker processes with one OpenCV thread each, whole frames searched (no motion regions):
 * (d) on one worker ({@code "split": false}) and (e) split in two, each timed from submission to the job's
 * end, fastest of {@value #DEFAULT_RUNS} runs each in turn (the environment variable {@code BENCH_RUNS}
 * sets them), after one split count that loads OpenCV in both workers. Goals: (e) at least 1.7 times
 * (d)'s rate, and as many different people as (d) within one.
 * <pre>mvn -q -o -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.SplitCountBench</pre>
 * {@link PeopleCountBench} runs it after its own comparisons.
 */
public final class SplitCountBench {

    private static final int DEFAULT_RUNS = 3;
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", Integer.toString(DEFAULT_RUNS)));
    private static final double SPEED_GOAL = 1.7;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private SplitCountBench() {}

    public static void main(String[] args) throws Exception {
        compare(SampleVideos.vtest());
    }

    /** Counts {@code video} unsplit and split, and prints the two side by side. */
    static void compare(Path video) throws Exception {
        double seconds;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString())) {
            grabber.start();
            seconds = grabber.getLengthInTime() / 1e6;
        }
        Path data = Files.createTempDirectory("split-count-bench");
        PoolConfig config = PoolConfig.defaults(data).withWorkerCount(2).withOpenCvThreads(1);
        CountParams wholeFrames = CountParams.defaults().withMotionRegions(false);
        System.out.printf(Locale.ROOT, "%nSplit counts: %s (%.1f s), %.1f frames analysed per second of video, whole frames, "
                + "a pool of 2 workers with 1 OpenCV thread each, %d cores, fastest of %d runs each%n", video.getFileName(), seconds,
                wholeFrames.fps(), Runtime.getRuntime().availableProcessors(), RUNS);
        List<Run> unsplit = new ArrayList<>();
        List<Run> split = new ArrayList<>();
        try (LocalEngine engine = LocalEngine.start(config)) {
            Peaks peaks = new Peaks();
            engine.subscribe(peaks);
            run(engine, video, wholeFrames, peaks);
            for (int i = 0; i < RUNS; i++) {
                unsplit.add(run(engine, video, wholeFrames.withSplit(false), peaks));
                split.add(run(engine, video, wholeFrames, peaks));
            }
        } finally {
            BenchSupport.deleteRecursively(data);
        }
        Run d = fastest(unsplit);
        Run e = fastest(split);
        System.out.printf(Locale.ROOT, "%-44s %6s %8s %10s %10s %7s %8s   %s%n", "", "frames", "seconds", "frames/s", "real time",
                "people", "parts", "peak RSS of each worker, MiB");
        row("(d) one worker, 1 OpenCV thread", d, seconds);
        row("(e) split across 2 workers, 1 thread each", e, seconds);
        double speedup = e.framesPerSecond() / d.framesPerSecond();
        System.out.printf(Locale.ROOT, "(e) / (d): %.2fx (goal >= %.1fx): %s; different people %d and %d (goal: within 1): %s%n", speedup,
                SPEED_GOAL, speedup >= SPEED_GOAL ? "met" : "NOT MET", d.people(), e.people(),
                Math.abs(d.people() - e.people()) <= 1 ? "met" : "NOT MET");
    }

    private static Run run(LocalEngine engine, Path video, CountParams params, Peaks peaks) throws Exception {
        peaks.reset();
        long started = System.nanoTime();
        Job job = engine.awaitTerminal(engine.submit(JobRequest.count(video.toString(), params)).id(), TIMEOUT);
        double took = (System.nanoTime() - started) / 1e9;
        if (job.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("the count " + job.id() + " ended " + job.status().wireName() + ": " + job.error());
        }
        JsonNode results = job.results();
        return new Run(results.get("frames_processed").asInt(), took, results.get("person_count").asInt(), results.path("parts").asInt(1),
                peaks.byWorker());
    }

    private record Run(int frames, double seconds, int people, int parts, Map<String, Long> peakRss) {
        double framesPerSecond() {
            return frames / seconds;
        }
    }

    private static Run fastest(List<Run> runs) {
        return runs.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow();
    }

    private static void row(String name, Run run, double videoSeconds) {
        StringBuilder memory = new StringBuilder();
        new java.util.TreeMap<>(run.peakRss()).forEach((worker, bytes) -> memory.append(worker).append(' ')
                .append(Math.round(bytes / BenchSupport.MIB)).append("  "));
        System.out.printf(Locale.ROOT, "%-44s %6d %8.1f %10.1f %9.1fx %7d %8d   %s%n", name, run.frames(), run.seconds(), run.framesPerSecond(),
                videoSeconds / run.seconds(), run.people(), run.parts(), memory.toString().strip());
    }

    /** The highest resident memory of each worker since the last reset, from the engine's samples. */
    private static final class Peaks implements java.util.function.Consumer<EngineEvent> {
        private final Map<String, Long> peaks = new ConcurrentHashMap<>();

        @Override
        public void accept(EngineEvent event) {
            if (event instanceof EngineEvent.MemorySampled sample) {
                peaks.merge(sample.workerId(), sample.rssBytes(), Math::max);
            }
        }

        void reset() {
            peaks.clear();
        }

        Map<String, Long> byWorker() {
            return Map.copyOf(peaks);
        }
    }
}
