package com.intellivision.console.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.FakeDeployment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;

/**
 * A local pool of {@value #WORKERS} workers going through a store of {@link #JOBS} jobs, simulated in
 * memory for {@link ConsolePulseBench}. The jobs are held by the test fake deployment, which hands the
 * window all of them when it opens; one thread, as the engine's loop, then publishes what a real pool
 * publishes while its workers run them, at a real pool's pace:
 * <ul>
 *   <li>a job starts: {@code JobChanged} (processing) and the worker's {@code WorkerChanged} (busy);
 *   it ends: {@code JobChanged} (completed, or failed with one of the usual errors) and
 *   {@code WorkerChanged} (idle), and the worker takes the next pending job, frames before people
 *   counts as the pool's priorities have it;</li>
 *   <li>a frame takes 0.1 to 0.4 s from a file or a link on this network, 1 to 3 s from YouTube (yt-dlp
 *   first), with the worker's progress steps; a people count takes 10 to 40 s and reports its
 *   progress four times a second, as {@code CountProgress} does;</li>
 *   <li>every 250 ms (the engine's tick) {@code QueueChanged} when the figures changed, and once a
 *   second a {@code MemorySampled} for each worker.</li>
 * </ul>
 * No worker process runs and nothing is stored: every job's images are one PNG written once.
 * The same seed gives the same jobs and the same run.
 */
final class SimulatedPool implements AutoCloseable {

    /** 1,000 unless {@code -Dbench.jobs} says otherwise. */
    static final int JOBS = Integer.getInteger("bench.jobs", 1_000);
    static final int WORKERS = 8;
    /** All but the newest 800 have ended: what is still to run is among what the window shows. */
    static final int ENDED_BEFORE = JOBS - 800;
    private static final double COUNT_SHARE = 0.25;
    private static final double YOUTUBE_SHARE = 0.5;
    private static final long TICK_MILLIS = 250;
    private static final int TICKS_PER_MEMORY_SAMPLE = 4;
    private static final long COUNT_REPORT_MILLIS = 250;
    private static final int FRAME_PRIORITY = 0;
    private static final int COUNT_PRIORITY = 10;
    private static final long MIB = 1 << 20;
    private static final long FIRST_PID = 41_000;
    private static final Duration LAST_MINUTE = Duration.ofMinutes(1);
    private static final Duration FAILURE_RATE_WINDOW = Duration.ofMinutes(15);
    private static final List<String> ERRORS = List.of(
            "The video could not be opened: the server answered HTTP 404 (Not Found). Check the link.",
            "This video is private: its owner has to share it, or sign in with an account that can see it.",
            "The timestamp 00:12:40 is past the end of the video (00:09:58).",
            "Worker exceeded memory limit (1536 MiB > 1500 MiB)");

    private final FakeDeployment deployment = new FakeDeployment();
    private final Random random = new Random(7);
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "simulated-pool");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Job> jobs = new HashMap<>();
    private final PriorityQueue<Job> pending = new PriorityQueue<>(Comparator.comparingInt(Job::priority).thenComparingLong(Job::id));
    private final List<Slot> slots = new ArrayList<>();
    /** Jobs that ended in the last 15 minutes, oldest first. */
    private final Deque<Ended> endings = new ArrayDeque<>();
    private final Map<String, LongAdder> published = new ConcurrentHashMap<>();
    private final String imageUri;
    private final String imagePath;
    private QueueFigures lastFigures;
    private boolean figuresStale;
    private long ticks;
    private long endedWhileRunning;

    /** One worker: what it runs, when that ends, and its memory. */
    private static final class Slot {
        final String id;
        final long pid;
        Job job;
        Instant startedAt;
        Duration length;
        long rssBytes;
        long peakRssBytes;

        Slot(int number) {
            this.id = "w" + number;
            this.pid = FIRST_PID + number;
        }

        WorkerInfo info() {
            return WorkerInfo.single(id, pid, job == null ? WorkerState.IDLE : WorkerState.BUSY, job == null ? WorkerInfo.NO_JOB : job.id(),
                    rssBytes, peakRssBytes);
        }
    }

    private SimulatedPool(Path image) {
        this.imageUri = image.toUri().toString();
        this.imagePath = image.toString();
    }

    /**
     * The pool as the window finds it when it opens: {@link #ENDED_BEFORE} jobs ended, every worker
     * busy (three of them on people counts started earlier), the rest pending. Nothing is published
     * before {@link #start()}.
     */
    static SimulatedPool prepare(Path folder) throws IOException {
        SimulatedPool pool = new SimulatedPool(writeFrameImage(folder.resolve("frame.png")));
        pool.fill(Instant.now());
        return pool;
    }

    FakeDeployment deployment() {
        return deployment;
    }

    /**
     * The running people count that has the longest to go, what someone watching the pool would look at:
     * the longest, as every worker is a third through its job when publishing starts.
     */
    long jobToWatch() {
        return slots.stream().filter(slot -> slot.job.type() == JobType.PEOPLE_COUNT)
                .max(Comparator.comparing(slot -> slot.length)).orElseThrow().job.id();
    }

    /**
     * Starts publishing, as a pool whose workers were running all along: each is a third through its job
     * now, however long the window was open before, so no job's end is overdue and published at once.
     */
    void start() {
        loop.execute(() -> {
            Instant now = Instant.now();
            slots.forEach(slot -> slot.startedAt = now.minus(slot.length.dividedBy(3)));
            slots.forEach(this::scheduleSteps);
        });
        loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Events published so far, by kind, in kind order. */
    Map<String, Long> publishedByKind() {
        Map<String, Long> counts = new TreeMap<>();
        published.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    long publishedInAll() {
        return published.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Jobs that ended since {@link #start()}. */
    long jobsEnded() {
        try {
            return loop.submit(() -> endedWhileRunning).get();
        } catch (Exception stopped) {
            return endedWhileRunning;
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.shutdownNow();
        loop.awaitTermination(10, TimeUnit.SECONDS);
    }

    // ---- the store and the workers as they are when the window opens ----

    private void fill(Instant now) {
        List<Job> newestFirst = new ArrayList<>();
        for (long id = 1; id <= JOBS; id++) {
            boolean count = random.nextDouble() < COUNT_SHARE;
            JobRequest request = count ? JobRequest.count(link(), CountParams.defaults())
                    : JobRequest.frame(link(), FrameParams.at(Math.round(random.nextDouble() * 600 * 25) / 25.0));
            Instant created = now.minusSeconds((JOBS - id) * 3);
            Job job = new Job(id, request.type(), JobStatus.PENDING, request.url(), request.params(), null, null, null, 0,
                    count ? COUNT_PRIORITY : FRAME_PRIORITY, false, created, created);
            if (id <= ENDED_BEFORE) {
                job = ended(job.withStatus(JobStatus.PROCESSING, null, created), created.plusSeconds(count ? 25 : 1), lengthOf(job));
                recordEnd(job);
            }
            jobs.put(id, job);
            newestFirst.add(0, job);
        }
        jobs.values().stream().filter(job -> job.status() == JobStatus.PENDING).forEach(pending::add);
        for (int number = 1; number <= WORKERS; number++) {
            Slot slot = new Slot(number);
            slot.rssBytes = 95 * MIB;
            slot.peakRssBytes = slot.rssBytes;
            slots.add(slot);
        }
        // Three people counts were started before the window opened, the other workers are on frames.
        List<Job> counts = pending.stream().filter(job -> job.type() == JobType.PEOPLE_COUNT).sorted(Comparator.comparingLong(Job::id))
                .limit(3).toList();
        for (int i = 0; i < WORKERS; i++) {
            Job job = i < counts.size() ? counts.get(i) : pending.peek();
            pending.remove(job);
            Slot slot = slots.get(i);
            slot.job = jobs.get(job.id()).withStatus(JobStatus.PROCESSING, null, now);
            slot.length = lengthOf(job);
            slot.rssBytes = workingRss(job);
            slot.peakRssBytes = slot.rssBytes;
            jobs.put(job.id(), slot.job);
            newestFirst.replaceAll(known -> known.id() == job.id() ? slot.job : known);
        }
        deployment.name = "Simulated local pool";
        deployment.withPool(false);
        deployment.recentJobs = newestFirst;
        deployment.workers = slots.stream().map(Slot::info).toList();
        deployment.figures = figures(now);
        lastFigures = deployment.figures;
        for (Slot slot : slots) {
            List<EngineEvent.MemorySampled> lastMinute = new ArrayList<>();
            for (int second = 60; second > 0; second--) {
                lastMinute.add(new EngineEvent.MemorySampled(slot.id, slot.pid, slot.rssBytes - second * MIB / 4, now.minusSeconds(second)));
            }
            deployment.memoryHistories.put(slot.id, lastMinute);
        }
    }

    private String link() {
        double kind = random.nextDouble();
        if (kind < YOUTUBE_SHARE) {
            return "https://www.youtube.com/watch?v=" + videoId();
        } else if (kind < 0.75) {
            return "/srv/cameras/lobby-" + (1 + random.nextInt(6)) + "/2025-03-" + (10 + random.nextInt(18)) + "T0" + random.nextInt(10)
                    + "-00.mp4";
        }
        return "http://127.0.0.1:8554/recordings/cam-" + (1 + random.nextInt(12)) + "/clip-" + random.nextInt(1000) + ".mp4";
    }

    private String videoId() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            id.append(letters.charAt(random.nextInt(letters.length())));
        }
        return id.toString();
    }

    private Duration lengthOf(Job job) {
        if (job.type() == JobType.PEOPLE_COUNT) {
            return Duration.ofMillis(10_000 + random.nextInt(30_000));
        }
        return job.youtubeUrl().contains("youtube") ? Duration.ofMillis(1_000 + random.nextInt(2_000)) : Duration.ofMillis(100 + random.nextInt(300));
    }

    private long workingRss(Job job) {
        return (job.type() == JobType.PEOPLE_COUNT ? 260 : 140) * MIB + random.nextInt(40) * MIB;
    }

    // ---- on the loop thread from here on ----

    private void scheduleSteps(Slot slot) {
        Job job = slot.job;
        Instant now = Instant.now();
        long elapsed = Duration.between(slot.startedAt, now).toMillis();
        long length = slot.length.toMillis();
        List<Step> steps = job.type() == JobType.PEOPLE_COUNT ? countSteps(job, length) : frameSteps(job, length);
        for (Step step : steps) {
            if (step.atMillis >= elapsed) {
                loop.schedule(() -> {
                    if (slot.job != null && slot.job.id() == job.id()) {
                        publish(new EngineEvent.JobProgress(job.id(), step.percentage, step.stage, step.details));
                    }
                }, step.atMillis - elapsed, TimeUnit.MILLISECONDS);
            }
        }
        loop.schedule(() -> finish(slot, job), Math.max(0, length - elapsed), TimeUnit.MILLISECONDS);
    }

    /** One progress report, {@code atMillis} into the job. */
    private record Step(long atMillis, double percentage, String stage, ProgressDetails details) {}

    private static List<Step> frameSteps(Job job, long length) {
        double at = job.params().path("at_seconds").asDouble();
        return List.of(new Step(5, 2, "resolving URL", null), new Step(length * 6 / 10, 10, "opening video", null),
                new Step(length * 8 / 10, 15, "seeking to " + Timecode.format(at), null));
    }

    private static List<Step> countSteps(Job job, long length) {
        List<Step> steps = new ArrayList<>(List.of(new Step(5, 2, "resolving URL", null), new Step(800, 5, "opening video", null),
                new Step(1_200, 8, "loading the person detector", null)));
        long countingFrom = 1_500;
        long countingTo = length - 400;
        long samples = (countingTo - countingFrom) / 100;
        for (long at = countingFrom; at < countingTo; at += COUNT_REPORT_MILLIS) {
            long done = (at - countingFrom) / 100;
            double seconds = (at - countingFrom) / 1000.0;
            double rate = seconds > 0 ? Math.round(done / seconds * 10) / 10.0 : 0;
            Double remaining = rate > 0 ? Math.round((samples - done) / rate * 10) / 10.0 : null;
            steps.add(new Step(at, 10 + 85.0 * done / samples, "counting people", new ProgressDetails(done, samples, remaining, rate, null)));
        }
        steps.add(new Step(length - 300, 97, "writing annotated image", null));
        return steps;
    }

    private void finish(Slot slot, Job job) {
        if (slot.job == null || slot.job.id() != job.id()) {
            return;
        }
        Job done = ended(slot.job, Instant.now(), slot.length);
        jobs.put(done.id(), done);
        recordEnd(done);
        endedWhileRunning++;
        slot.job = null;
        publish(new EngineEvent.JobChanged(done));
        publish(new EngineEvent.WorkerChanged(slot.info()));
        figuresStale = true;
        dispatch();
    }

    private void dispatch() {
        for (Slot slot : slots) {
            if (slot.job != null) {
                continue;
            }
            Job next = pending.poll();
            if (next == null) {
                return;
            }
            Instant now = Instant.now();
            slot.job = new Job(next.id(), next.type(), JobStatus.PROCESSING, next.youtubeUrl(), next.params(), null, null, null,
                    next.attempts() + 1, next.priority(), false, next.createdAt(), now);
            slot.startedAt = now;
            slot.length = lengthOf(next);
            jobs.put(next.id(), slot.job);
            publish(new EngineEvent.JobChanged(slot.job));
            publish(new EngineEvent.WorkerChanged(slot.info()));
            scheduleSteps(slot);
        }
    }

    private void tick() {
        Instant now = Instant.now();
        if (ticks++ % TICKS_PER_MEMORY_SAMPLE == 0) {
            for (Slot slot : slots) {
                long target = slot.job == null ? 95 * MIB : workingRss(slot.job);
                slot.rssBytes += (target - slot.rssBytes) / 2;
                slot.peakRssBytes = Math.max(slot.peakRssBytes, slot.rssBytes);
                publish(new EngineEvent.MemorySampled(slot.id, slot.pid, slot.rssBytes, now));
            }
            figuresStale = true;
        }
        if (figuresStale) {
            figuresStale = false;
            QueueFigures figures = figures(now);
            if (!figures.equals(lastFigures)) {
                lastFigures = figures;
                publish(new EngineEvent.QueueChanged(figures));
            }
        }
    }

    private void publish(EngineEvent event) {
        published.computeIfAbsent(event.getClass().getSimpleName(), kind -> new LongAdder()).increment();
        deployment.emit(event);
    }

    // ---- shared ----

    /** The job ended at {@code at}, {@code length} after it started: completed, or failed one time in twenty. */
    private Job ended(Job running, Instant at, Duration length) {
        boolean failed = random.nextInt(20) == 0;
        if (failed) {
            return running.withStatus(JobStatus.FAILED, ERRORS.get(random.nextInt(ERRORS.size())), at);
        }
        ObjectNode results = running.type() == JobType.PEOPLE_COUNT ? countResults(length) : frameResults(running, length);
        return new Job(running.id(), running.type(), JobStatus.COMPLETED, running.youtubeUrl(), running.params(), results, imagePath, null,
                Math.max(1, running.attempts()), running.priority(), false, running.createdAt(), at);
    }

    private ObjectNode frameResults(Job job, Duration length) {
        double at = job.params().path("at_seconds").asDouble();
        return JobJson.mapper().valueToTree(new FrameResult(imageUri, FrameResult.STREAM_SEEK, "Lobby camera", length.toMillis() / 1000.0,
                1920, 1080, at, null, null, null));
    }

    private ObjectNode countResults(Duration length) {
        List<PeopleCountResult.Sample> timeline = new ArrayList<>();
        for (int sample = 0; sample < 120; sample++) {
            timeline.add(new PeopleCountResult.Sample(sample * 0.5, random.nextInt(6)));
        }
        int people = 3 + random.nextInt(20);
        return JobJson.mapper().valueToTree(new PeopleCountResult(people, people + random.nextInt(5), CountParams.DEFAULT_FPS, List.of("hog"),
                List.of(), timeline, 31.5, length.toMillis() / 1000.0, timeline.size(), 1920, 1080));
    }

    /** When a job ended, and whether it failed. */
    private record Ended(Instant at, boolean failed) {}

    private void recordEnd(Job job) {
        endings.addLast(new Ended(job.updatedAt(), job.status() == JobStatus.FAILED));
    }

    private QueueFigures figures(Instant now) {
        while (!endings.isEmpty() && endings.peekFirst().at().isBefore(now.minus(FAILURE_RATE_WINDOW))) {
            endings.removeFirst();
        }
        Instant minuteAgo = now.minus(LAST_MINUTE);
        int completed = (int) endings.stream().filter(ended -> !ended.failed() && !ended.at().isBefore(minuteAgo)).count();
        int failed = (int) endings.stream().filter(ended -> ended.failed() && !ended.at().isBefore(minuteAgo)).count();
        long failedLately = endings.stream().filter(Ended::failed).count();
        int processing = (int) slots.stream().filter(slot -> slot.job != null).count();
        return new QueueFigures(pending.size(), processing, completed, failed, endings.isEmpty() ? 0 : (double) failedLately / endings.size(), 0);
    }

    /** A 1920 x 1080 picture standing for every frame the pool took and every count's annotated image. */
    private static Path writeFrameImage(Path file) throws IOException {
        BufferedImage image = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 255 / 1920) << 16 | (y * 255 / 1080) << 8 | ((x ^ y) & 0xff));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
