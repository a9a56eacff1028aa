package com.intellivision.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.media.HogSettings;
import com.intellivision.console.media.PeopleCounter;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.VideoSource;
import com.intellivision.console.testsupport.SampleVideos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.global.opencv_core;

/**
 * How fast we count people, against Python's OpenCV running the same HOG detector on the same frames of
 * the same video with the same settings:
 * <pre>mvn -q -o -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.bench.PeopleCountBench</pre>
 * Ours is the whole count as a worker runs it (decoding, detection, overlap suppression, tracking, the
 * annotated image); Python's is decoding, detection and overlap suppression
 * ({@code src/test/resources/bench/hog_count.py}). Both are timed from opening the video to its last
 * frame, {@value #RUNS} times in turn, and the fastest runs compared: the ones least slowed by whatever
 * else the machine was doing. The goal is at least 0.9 times Python's rate.
 *
 * <p>Ours runs twice: (b) on whole frames, as Python does, and (c) with motion regions (HOG only where
 * something moved, at the size of the people followed there, the whole frame every 10 s), the default. Goals for (c): 3 times Python's rate, people
 * per sample within one of Python's whole-frame HOG in 95 % of samples, and as many different people as
 * (b) within 10 %. The environment variable {@code BENCH_RUNS} sets the runs. Then {@link SplitCountBench} compares
 * (d) a count on one worker with (e) the same count split across two (without Python's OpenCV, only those).
 * Needs {@code vtest.avi} (apt-get install -y opencv-doc) and Python's OpenCV (apt-get install -y python3-opencv).
 */
public final class PeopleCountBench {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "5"));
    private static final double GOAL_RATIO = 0.9;
    private static final double MOTION_GOAL_RATIO = 3;
    private static final double WITHIN_ONE_GOAL = 0.95;
    private static final double UNIQUE_GOAL = 0.10;

    public static void main(String[] args) throws Exception {
        Path video = SampleVideos.vtest();
        if (!hasPythonOpenCv()) {
            System.err.println("Python's OpenCV is missing, so (a) to (c) are left out: install it with 'sudo apt-get install -y python3-opencv'.");
            SplitCountBench.compare(video);
            return;
        }
        CountParams params = CountParams.defaults();
        HogSettings hog = HogSettings.DEFAULT;
        Path script = copyScript(Files.createTempDirectory("people-count-bench"));
        VideoFacts facts = VideoFacts.of(video);

        System.out.printf(Locale.ROOT, "People counting on vtest.avi (%dx%d, %.1f s at %.0f frames/s), %.1f frames analysed per second "
                + "of video, %d cores%n", facts.width(), facts.height(), facts.seconds(), facts.frameRate(), params.fps(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "HOG: frames resized to %d lines (x%.2f), window stride %d, padding %d, pyramid scale %.2f, "
                + "min score %.1f, NMS overlap %.1f; fastest of %d runs each%n%n", hog.workingHeight(), hog.resizeFactor(facts.height()),
                hog.windowStride(), hog.padding(), hog.pyramidScale(), hog.minScore(), hog.maxOverlap(), RUNS);

        // Loads OpenCV and lets the JIT compile the hot paths, as in a worker that has counted before.
        countWithUs(video, new CountParams(0.5, null, null).withMotionRegions(false), script.resolveSibling("warm-up.png"));
        countWithUs(video, new CountParams(0.5, null, null), script.resolveSibling("warm-up.png"));
        CountParams wholeFrames = params.withMotionRegions(false);
        List<Run> ours = new ArrayList<>();
        List<Run> motion = new ArrayList<>();
        List<Run> python = new ArrayList<>();
        PeopleCountResult ourLast = null;
        PeopleCountResult motionLast = null;
        JsonNode pythonLast = null;
        for (int i = 0; i < RUNS; i++) {
            pythonLast = countWithPython(script, video, params, hog);
            python.add(new Run(pythonLast.get("frames").asInt(), pythonLast.get("seconds").asDouble()));
            ourLast = countWithUs(video, wholeFrames, script.resolveSibling("annotated.png"));
            ours.add(new Run(ourLast.framesProcessed(), ourLast.processingTime()));
            motionLast = countWithUs(video, params, script.resolveSibling("annotated-motion.png"));
            motion.add(new Run(motionLast.framesProcessed(), motionLast.processingTime()));
        }

        Run pythonBest = fastest(python);
        Run ourBest = fastest(ours);
        Run motionBest = fastest(motion);
        System.out.printf(Locale.ROOT, "%-50s %8s %10s %12s   %s%n", "", "frames", "frames/s", "real time", "all runs, frames/s");
        row("(a) Python OpenCV " + pythonLast.get("opencv").asText() + ", whole frames", pythonBest, python, facts.seconds());
        row("(b) IntelliVision (OpenCV " + opencv_core.CV_VERSION() + "), whole frames", ourBest, ours, facts.seconds());
        row("(c) IntelliVision, motion regions", motionBest, motion, facts.seconds());
        double ratio = ourBest.framesPerSecond() / pythonBest.framesPerSecond();
        double motionRatio = motionBest.framesPerSecond() / pythonBest.framesPerSecond();
        System.out.printf(Locale.ROOT, "%n(b) / (a): %.2f (goal >= %.1f): %s%n", ratio, GOAL_RATIO, ratio >= GOAL_RATIO ? "met" : "NOT MET");
        System.out.printf(Locale.ROOT, "(c) / (a): %.2f (goal >= %.1f): %s%n", motionRatio, MOTION_GOAL_RATIO,
                motionRatio >= MOTION_GOAL_RATIO ? "met" : "NOT MET");
        List<Integer> pythonCounts = new ArrayList<>();
        pythonLast.get("counts").forEach(count -> pythonCounts.add(count.asInt()));
        List<Integer> motionCounts = counts(motionLast);
        System.out.println("people per frame, (b) against (a): " + agreement(counts(ourLast), pythonCounts));
        System.out.println("people per frame, (c) against (a): " + agreement(motionCounts, pythonCounts));
        double withinOne = shareWithinOne(motionCounts, pythonCounts);
        System.out.printf(Locale.ROOT, "(c) within 1 person of (a): %.1f %% of samples (goal >= %.0f %%): %s%n", withinOne * 100,
                WITHIN_ONE_GOAL * 100, withinOne >= WITHIN_ONE_GOAL ? "met" : "NOT MET");
        double apart = Math.abs(motionLast.personCount() - ourLast.personCount()) / (double) Math.max(1, ourLast.personCount());
        System.out.printf(Locale.ROOT, "different people: (b) %d, (c) %d, %.1f %% apart (goal <= %.0f %%): %s; (c)'s strategies %s%n",
                ourLast.personCount(), motionLast.personCount(), apart * 100, UNIQUE_GOAL * 100, apart <= UNIQUE_GOAL ? "met" : "NOT MET",
                motionLast.detectionStrategies());
        System.out.println("this JVM, resident: " + residentMemory());
        SplitCountBench.compare(video);
    }

    private static List<Integer> counts(PeopleCountResult result) {
        return result.timeline().stream().map(PeopleCountResult.Sample::count).toList();
    }

    private static double shareWithinOne(List<Integer> ours, List<Integer> reference) {
        int within = 0;
        for (int i = 0; i < Math.min(ours.size(), reference.size()); i++) {
            within += Math.abs(ours.get(i) - reference.get(i)) <= 1 ? 1 : 0;
        }
        return (double) within / Math.max(1, reference.size());
    }

    /** The JVM's resident memory now and at its peak, from /proc (Linux). */
    private static String residentMemory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : Files.readAllLines(status)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields.getOrDefault("VmRSS", "?") + " now, " + fields.getOrDefault("VmHWM", "?") + " at the peak (all three of ours in one JVM)";
    }

    /** What the container says of the video. */
    private record VideoFacts(int width, int height, double seconds, double frameRate) {
        static VideoFacts of(Path video) throws FrameGrabber.Exception {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's own description of the video is not for this table
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toString())) {
                grabber.start();
                return new VideoFacts(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getLengthInTime() / 1e6, grabber.getFrameRate());
            }
        }
    }

    private record Run(int frames, double seconds) {
        double framesPerSecond() {
            return frames / seconds;
        }
    }

    private static void row(String name, Run best, List<Run> all, double videoSeconds) {
        String each = all.stream().map(run -> String.format(Locale.ROOT, "%.1f", run.framesPerSecond())).collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "%-50s %8d %10.1f %11.1fx   %s%n", name, best.frames(), best.framesPerSecond(),
                videoSeconds / best.seconds(), each);
    }

    private static PeopleCountResult countWithUs(Path video, CountParams params, Path annotated) throws Exception {
        VideoSource source = new VideoSource(video.toString(), Map.of(), video.getFileName().toString(), "direct");
        return new PeopleCounter().count(source, params, annotated, Progress.NONE);
    }

    private static JsonNode countWithPython(Path script, Path video, CountParams params, HogSettings hog) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON, script.toString(), video.toString(), Double.toString(params.fps()),
                Integer.toString(hog.workingHeight()), Double.toString(hog.maxUpscale()), Integer.toString(hog.windowStride()),
                Integer.toString(hog.padding()), Double.toString(hog.pyramidScale()), Double.toString(hog.minScore()),
                Double.toString(hog.maxOverlap()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (python.waitFor() != 0) {
            throw new IllegalStateException("the Python reference failed (exit code " + python.exitValue() + "): " + output);
        }
        return JobJson.mapper().readTree(output);
    }

    private static boolean hasPythonOpenCv() throws IOException, InterruptedException {
        Process check = new ProcessBuilder(PYTHON, "-c", "import cv2").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        return check.waitFor() == 0;
    }

    private static Path copyScript(Path work) throws IOException {
        Path script = work.resolve("hog_count.py");
        try (InputStream resource = PeopleCountBench.class.getResourceAsStream("/bench/hog_count.py")) {
            if (resource == null) {
                throw new IllegalStateException("bench/hog_count.py is not on the test class path; run test-compile first");
            }
            Files.copy(resource, script);
        }
        return script;
    }

    private static Run fastest(List<Run> runs) {
        return runs.stream().max(Comparator.comparingDouble(Run::framesPerSecond)).orElseThrow();
    }

    private static String agreement(List<Integer> ours, List<Integer> python) {
        if (ours.size() != python.size()) {
            return "different frames (" + ours.size() + " and " + python.size() + ")";
        }
        int same = 0;
        int difference = 0;
        for (int i = 0; i < ours.size(); i++) {
            same += ours.get(i).equals(python.get(i)) ? 1 : 0;
            difference += Math.abs(ours.get(i) - python.get(i));
        }
        return String.format(Locale.ROOT, "the same in %d of %d frames, %d people apart in all", same, ours.size(), difference);
    }
}
