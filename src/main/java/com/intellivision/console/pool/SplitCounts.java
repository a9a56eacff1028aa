package com.intellivision.console.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.CountSegment;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.SplitCountJoin;
import com.intellivision.console.worker.OutputFiles;
import com.intellivision.console.worker.WorkerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People counts split into parts across the pool, on the engine's loop. A claimed count runs as part 0
 * on the worker that claimed it; once that part knows the video's length it says into how many parts
 * the video is cut, and the other parts wait for idle workers, which take them before any new job.
 * The job stays one job in the store: one attempt, one progress bar (the mean of its parts'), one
 * result (the parts joined by {@link SplitCountJoin}).
 *
 * <p>A part whose worker is lost runs again alone, up to the pool's retries; a part that fails, or a
 * cancel, stops every other part, and the job ends once none runs. A video too short to split is
 * counted by part 0 alone, as an unsplit count, and its job ends as an unsplit one does.
 */
final class SplitCounts {

    private static final Logger LOG = LoggerFactory.getLogger(SplitCounts.class);
    /** More parts cost more overlap and more workers' memory than they save. */
    static final int MOST_PARTS = 8;
    private static final String IMAGE_FORMAT = "png";

    /** What the pool does for the parts. */
    interface Workers {
        /** Hands {@code part} of {@code job} to the idle {@code slot}. */
        void run(WorkerSlot slot, Job job, WorkerMessage.Part part);

        /** Asks the slot to stop its part, killing it if it does not. */
        void stop(WorkerSlot slot, String reason);
    }

    private enum State { WAITING, RUNNING, DONE, STOPPED }

    /** One split count while it runs. */
    static final class Count {
        private final Job job;
        private final int asked;
        private final Instant started;
        /** Into how many parts the video is cut; 0 until part 0 says. */
        private int parts;
        private State[] states;
        private final JsonNode[] results;
        private final double[] percent;
        private final ProgressDetails[] details;
        private final int[] losses;
        private double shownPercent;
        /** Set once the job is to end without a result: cancelled (no error) or failed. */
        private boolean ending;
        private String error;
        private boolean deadLetter;

        private Count(Job job, int asked, Instant started) {
            this.job = job;
            this.asked = asked;
            this.started = started;
            this.states = new State[asked];
            Arrays.fill(states, State.STOPPED);
            states[0] = State.RUNNING;
            this.results = new JsonNode[asked];
            this.percent = new double[asked];
            this.details = new ProgressDetails[asked];
            this.losses = new int[asked];
        }

        private boolean alone() {
            return parts <= 1;
        }

        private String partName(int part) {
            return "Part " + (part + 1) + " of " + parts;
        }
    }

    private final JobStore store;
    private final PoolConfig config;
    private final Clock clock;
    private final EventBus events;
    private final Workers workers;
    private final Supplier<Collection<WorkerSlot>> slots;
    private final Map<Long, Count> counts = new LinkedHashMap<>();

    /** @param slots the pool's slots, to find those running a count's parts */
    SplitCounts(JobStore store, PoolConfig config, Clock clock, EventBus events, Workers workers, Supplier<Collection<WorkerSlot>> slots) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.workers = workers;
        this.slots = slots;
    }

    /** Whether a claimed job is counted in parts: a people count that allows it, on a pool of two workers or more. */
    static boolean shouldSplit(Job job, int poolSize) {
        if (job.type() != JobType.PEOPLE_COUNT || poolSize < 2) {
            return false;
        }
        try {
            return new JobRequest(job.type(), job.youtubeUrl(), job.params()).countParams().allowsSplitting();
        } catch (IllegalArgumentException badSettings) {
            // The worker says what is wrong with them, as for an unsplit count.
            return false;
        }
    }

    /** Runs part 0 of a claimed count on the slot that claimed it. */
    void start(Job job, WorkerSlot slot, int poolSize) {
        Count count = new Count(job, Math.min(poolSize, MOST_PARTS), clock.instant());
        counts.put(job.id(), count);
        runPart(count, 0, slot);
    }

    /** Gives the first waiting part to the idle {@code slot}; false if no part waits. */
    boolean startWaitingPart(WorkerSlot slot) {
        for (Count count : counts.values()) {
            for (int part = 0; !count.ending && part < count.states.length; part++) {
                if (count.states[part] == State.WAITING) {
                    runPart(count, part, slot);
                    return true;
                }
            }
        }
        return false;
    }

    private void runPart(Count count, int part, WorkerSlot slot) {
        count.states[part] = State.RUNNING;
        count.percent[part] = 0;
        workers.run(slot, count.job, new WorkerMessage.Part(part, count.parts == 0 ? count.asked : count.parts));
        slot.split = count;
        slot.part = part;
    }

    /** Part 0 knows into how many parts the video is cut: the others wait for workers. */
    void segmented(WorkerSlot slot, int parts) {
        Count count = current(slot);
        if (count == null || slot.part != 0 || count.parts != 0 || count.ending) {
            return;
        }
        count.parts = Math.max(1, Math.min(parts, count.asked));
        count.states = Arrays.copyOf(count.states, count.parts);
        for (int part = 1; part < count.parts; part++) {
            count.states[part] = State.WAITING;
        }
    }

    void progress(WorkerSlot slot, WorkerMessage.Progress progress) {
        Count count = current(slot);
        if (count == null) {
            return;
        }
        if (count.alone()) {
            // Until part 0 knows the video's length, its progress is the job's; the parts' mean starts from there.
            count.shownPercent = Math.max(count.shownPercent, progress.percentage());
            events.publish(new EngineEvent.JobProgress(progress.jobId(), progress.percentage(), progress.stage(), progress.details()));
            return;
        }
        count.percent[slot.part] = progress.percentage();
        count.details[slot.part] = progress.details();
        publishProgress(count, progress.stage(), progress.details());
    }

    /** One bar for the job: the mean of its parts', never going back when a lost part starts again. */
    private void publishProgress(Count count, String stage, ProgressDetails latest) {
        double sum = 0;
        long processed = 0;
        long total = 0;
        boolean totalKnown = true;
        double rate = 0;
        Double remaining = null;
        for (int part = 0; part < count.parts; part++) {
            sum += count.states[part] == State.DONE ? 100 : count.percent[part];
            ProgressDetails details = count.details[part];
            totalKnown &= details != null && details.totalFrames() != null;
            if (details != null) {
                processed += details.processedFrames() == null ? 0 : details.processedFrames();
                total += details.totalFrames() == null ? 0 : details.totalFrames();
                rate += count.states[part] == State.RUNNING && details.currentFps() != null ? details.currentFps() : 0;
                if (count.states[part] == State.RUNNING && details.estimatedTimeRemaining() != null) {
                    remaining = Math.max(remaining == null ? 0 : remaining, details.estimatedTimeRemaining());
                }
            }
        }
        count.shownPercent = Math.max(count.shownPercent, sum / count.parts);
        ProgressDetails joined = new ProgressDetails(processed, totalKnown ? total : null, remaining, Math.round(rate * 10) / 10.0,
                latest == null ? null : latest.previewUrl(), latest == null ? null : latest.liveFrame());
        events.publish(new EngineEvent.JobProgress(count.job.id(), count.shownPercent, stage, joined));
    }

    void completed(WorkerSlot slot, WorkerMessage.Completed completed) {
        Count count = current(slot);
        if (count == null) {
            return;
        }
        if (count.parts == 0) {
            // Part 0 always says first; should it not have, it counted the whole video.
            segmented(slot, 1);
        }
        count.states[slot.part] = State.DONE;
        count.results[slot.part] = completed.results();
        if (count.ending) {
            endIfNoneRuns(count);
        } else if (count.parts > 0 && Arrays.stream(count.states).allMatch(state -> state == State.DONE)) {
            complete(count, completed);
        } else {
            publishProgress(count, "counting people", null);
        }
    }

    private void complete(Count count, WorkerMessage.Completed last) {
        long jobId = count.job.id();
        counts.remove(jobId);
        Job done;
        if (count.alone()) {
            ObjectNode results = ((ObjectNode) count.results[0]).deepCopy();
            results.remove(CountSegment.RESULTS_KEY);
            done = store.complete(jobId, results, last.outputImage());
        } else {
            Path folder = config.framesDir().toAbsolutePath();
            Path image = OutputFiles.finished(folder, jobId, IMAGE_FORMAT);
            Path clean = OutputFiles.clean(folder, jobId, IMAGE_FORMAT);
            double seconds = Duration.between(count.started, clock.instant()).toMillis() / 1000.0;
            SplitCountJoin.Joined joined = SplitCountJoin.join(List.of(count.results), seconds, clean.toUri().toString());
            keepImagesOf(count, joined.busiestPart(), image, clean);
            events.publish(new EngineEvent.JobProgress(jobId, 100, "joined " + count.parts + " parts", null));
            done = store.complete(jobId, joined.results(), image.toString());
        }
        events.publish(new EngineEvent.JobChanged(done));
    }

    /** The busiest part's images become the job's; the other parts' are removed. */
    private void keepImagesOf(Count count, int busiest, Path image, Path clean) {
        Path folder = image.getParent();
        String stem = OutputFiles.stem(count.job.id(), busiest);
        try {
            if (busiest != 0) {
                Files.move(OutputFiles.finished(folder, stem, IMAGE_FORMAT), image, StandardCopyOption.REPLACE_EXISTING);
                Path partClean = OutputFiles.clean(folder, stem, IMAGE_FORMAT);
                if (Files.exists(partClean)) {
                    Files.move(partClean, clean, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException cannotMove) {
            throw new UncheckedIOException("could not keep the images of part " + busiest + " of job " + count.job.id(), cannotMove);
        }
        for (int part = 1; part < count.parts; part++) {
            OutputFiles.deletePart(folder, count.job.id(), part);
        }
    }

    /** A part failed: the job fails, naming it, once the other parts have stopped. */
    void failed(WorkerSlot slot, String error) {
        Count count = current(slot);
        if (count == null) {
            return;
        }
        count.states[slot.part] = State.STOPPED;
        end(count, count.alone() ? error : count.partName(slot.part) + ": " + error, false);
    }

    /** A part stopped as asked: for a cancel or a failure of the job, or for a limit of its own. */
    void cancelled(WorkerSlot slot) {
        Count count = current(slot);
        if (count == null) {
            return;
        }
        count.states[slot.part] = State.STOPPED;
        end(count, slot.stopReason, false);
    }

    /**
     * A part's worker exited. Returns false when the job is to end as an unsplit job's would (part 0
     * running alone), having forgotten the split; true when the part was dealt with here.
     */
    boolean exited(WorkerSlot slot, WorkerProcess process, int exitCode) {
        Count count = current(slot);
        if (count == null) {
            return true;
        }
        int part = slot.part;
        if (!count.ending && count.alone()) {
            counts.remove(count.job.id());
            return false;
        }
        count.states[part] = State.STOPPED;
        boolean stoppedAsAsked = slot.stopRequested && (slot.killReason == null || slot.killReason.equals(slot.stopReason));
        if (count.ending || stoppedAsAsked) {
            end(count, slot.stopReason, false);
        } else if (slot.killReason != null) {
            end(count, count.partName(part) + ": " + slot.killReason, false);
        } else {
            OutputFiles.deletePart(config.framesDir(), count.job.id(), part);
            String lost = "Worker lost (" + ExitCodes.describe(exitCode) + ")" + JobEndings.lastWords(process);
            int lostTimes = ++count.losses[part];
            if (lostTimes <= config.maxRetries()) {
                LOG.warn("job {}: {} was lost ({}); it runs again alone", count.job.id(), count.partName(part), lost);
                count.states[part] = State.WAITING;
            } else {
                end(count, count.partName(part) + ": " + lost + ". It was lost " + lostTimes + " times, so it will not be retried"
                        + " automatically; the video may need more memory than a worker has. Retry it by hand to try again.", true);
            }
        }
        return true;
    }

    /** Cancels the job if it is a split count: every part is asked to stop. Returns whether it was one. */
    boolean cancel(long jobId) {
        Count count = counts.get(jobId);
        if (count == null) {
            return false;
        }
        end(count, null, false);
        return true;
    }

    /**
     * The job ends without a result once no part runs: cancelled when {@code error} is null, else failed.
     * The first reason given stands; the parts still running are asked to stop.
     */
    private void end(Count count, String error, boolean deadLetter) {
        if (!count.ending) {
            count.ending = true;
            count.error = error;
            count.deadLetter = deadLetter;
            for (int part = 0; part < count.states.length; part++) {
                if (count.states[part] == State.WAITING) {
                    count.states[part] = State.STOPPED;
                }
            }
        }
        endIfNoneRuns(count);
    }

    private void endIfNoneRuns(Count count) {
        List<WorkerSlot> running = runningSlots(count);
        if (!running.isEmpty()) {
            running.forEach(slot -> workers.stop(slot, count.error));
            return;
        }
        counts.remove(count.job.id());
        OutputFiles.deleteAll(config.framesDir(), count.job.id());
        Job ended = count.error == null ? store.cancelRunning(count.job.id()) : store.fail(count.job.id(), count.error, count.deadLetter);
        events.publish(new EngineEvent.JobChanged(ended));
    }

    /** The slots that run a part of the count now, but the one whose message is being handled. */
    private List<WorkerSlot> runningSlots(Count count) {
        List<WorkerSlot> running = new ArrayList<>();
        for (WorkerSlot slot : slots.get()) {
            if (slot.split == count && count.states[slot.part] == State.RUNNING) {
                running.add(slot);
            }
        }
        return running;
    }

    /** The count the slot runs a part of, if it is still under way. */
    private Count current(WorkerSlot slot) {
        Count count = slot.split;
        return count != null && counts.get(count.job.id()) == count && slot.part < count.states.length ? count : null;
    }

    /** Forgets every count, as the console closes (their jobs go back to the queue). */
    void clear() {
        counts.clear();
    }
}
