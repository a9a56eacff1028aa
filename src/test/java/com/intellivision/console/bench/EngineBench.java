package com.intellivision.console.bench;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Figures of the local engine, printed beside their goals:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.EngineBench</pre>
 * Dispatch overhead per job, worker start time, idle worker RSS, and the RSS of a console process
 * holding 10,000 jobs in its store.
 */
public final class EngineBench {

    private static final int STARTS = 5;
    private static final int JOBS = 200;
    private static final int STORED_JOBS = 10_000;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("engine-bench");
        Path clip = TestVideos.writeFrameCodedVideo(work.resolve("tiny.mp4"), 1, 10, 64, 36);
        System.out.println("IntelliVision Console engine benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        workerStartAndIdleMemory(work);
        dispatchOverhead(work, clip);
        consoleMemoryWithManyJobs(work, clip);
    }

    private static void workerStartAndIdleMemory(Path work) throws Exception {
        double[] startMillis = new double[STARTS];
        long idleRss = 0;
        for (int i = 0; i < STARTS; i++) {
            long started = System.nanoTime();
            try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(work.resolve("start-" + i)).withWorkerCount(1))) {
                while (engine.workers().get(0).state() != WorkerState.IDLE) {
                    Thread.sleep(2);
                }
                startMillis[i] = (System.nanoTime() - started) / 1e6;
                if (i == STARTS - 1) {
                    Thread.sleep(3000);
                    idleRss = rssOf(engine.workers().get(0).pid()).orElse(0);
                }
            }
        }
        row("worker start (spawn to ready), median of " + STARTS, median(startMillis), "ms", "-");
        row("idle worker RSS after 3 s", idleRss / 1048576.0, "MiB", "< 120 MiB");
    }

    private static void dispatchOverhead(Path work, Path clip) throws Exception {
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(work.resolve("dispatch")).withWorkerCount(1))) {
            while (engine.workers().get(0).state() != WorkerState.IDLE) {
                Thread.sleep(5);
            }
            double[] overhead = new double[JOBS];
            double[] endToEnd = new double[JOBS];
            for (int i = 0; i < JOBS; i++) {
                long started = System.nanoTime();
                Job job = engine.awaitTerminal(engine.submit(JobRequest.frame(clip.toString(), FrameParams.at(0.5))).id(), Duration.ofSeconds(30));
                endToEnd[i] = (System.nanoTime() - started) / 1e6;
                if (job.status() != JobStatus.COMPLETED) {
                    throw new IllegalStateException("benchmark job failed: " + job.error());
                }
                overhead[i] = endToEnd[i] - job.results().get("processing_time").asDouble() * 1000;
            }
            row("job end to end, tiny local video, median of " + JOBS, median(endToEnd), "ms", "-");
            row("dispatch overhead (end to end - worker time)", median(overhead), "ms", "< 5 ms");
        }
    }

    private static void consoleMemoryWithManyJobs(Path work, Path clip) throws Exception {
        Path data = work.resolve("many");
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(data).withWorkerCount(1))) {
            engine.pause();
            for (int i = 0; i < STORED_JOBS; i++) {
                engine.submit(JobRequest.frame(clip.toString() + "?n=" + i, FrameParams.at(0.5)));
            }
            engine.cancelAllPending();
        }
        boolean window = System.getenv("DISPLAY") != null;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The console's JVM options, as the README's start command (pom.xml, exec plugin) gives them.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:G1PeriodicGCInterval=5000",
                "-cp", System.getProperty("java.class.path"), "com.intellivision.console.app.Main", "--data-dir", data.toString(), "--workers", "2"));
        Process console = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(15_000);
            long rss = rssOf(console.pid()).orElse(0);
            String what = window ? "console window RSS, " : "console RSS (no DISPLAY: window could not open), ";
            row(what + STORED_JOBS + " jobs in store, after 15 s", rss / 1048576.0, "MiB", "< 300 MiB");
        } finally {
            console.destroy();
            console.waitFor();
        }
    }

    private static OptionalLong rssOf(long pid) {
        OSProcess process = new SystemInfo().getOperatingSystem().getProcess((int) pid);
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.getResidentSetSize());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void row(String what, double value, String unit, String goal) {
        System.out.printf(Locale.ROOT, "%-58s %9.1f %-4s goal %s%n", what, value, unit, goal);
    }

    private EngineBench() {}
}
