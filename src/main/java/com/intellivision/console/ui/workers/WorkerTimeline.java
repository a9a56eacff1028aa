package com.intellivision.console.ui.workers;

import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened on one deployment's workers, read from its events: which job ran on which worker and
 * when (a worker reports the job it takes, the job reports when it ends), and when a worker's process
 * was recycled, killed or lost, and why. The engine tells of a job's end before its worker's, so a
 * killed worker's reason is its job's error.
 */
final class WorkerTimeline {

    static final String ENDED = "ended";
    /** Jobs remembered for their state, beyond those running: enough for every worker's last few. */
    private static final int REMEMBERED_JOBS = 512;

    private final List<JobBand> bands = new ArrayList<>();
    private final List<WorkerMarker> markers = new ArrayList<>();
    private final Map<String, WorkerState> states = new HashMap<>();
    /** Each worker's band of the job it runs now; ended bands are replaced in {@link #bands} by their ended copy. */
    private final Map<String, JobBand> running = new HashMap<>();
    private final Map<String, Long> lastJobOf = new HashMap<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Job> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    };

    /** A job changed: a band that runs it ends if the job no longer runs, and one that ended learns how. */
    void job(Job job, double now) {
        jobs.put(job.id(), job);
        learnType(job);
        if (job.status() == JobStatus.PROCESSING) {
            return;
        }
        double at = job.updatedAt() == null ? now : seconds(job);
        for (Map.Entry<String, JobBand> open : new ArrayList<>(running.entrySet())) {
            if (open.getValue().jobId() == job.id()) {
                end(open.getKey(), Math.max(open.getValue().startSeconds(), Math.min(at, now)), outcomeOf(job), job.error());
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            JobBand band = bands.get(i);
            if (band.jobId() == job.id() && ENDED.equals(band.outcome())) {
                bands.set(i, band.endedAt(band.endSeconds(), outcomeOf(job), job.error()));
            }
        }
    }

    /**
     * A worker changed: it took a job (a band starts), left one (it ends), or its process was replaced
     * (a marker, with why).
     *
     * @param limits the deployment's memory limits, or null where it has none
     * @param rssBytes the worker's latest memory reading, 0 if none
     */
    void worker(WorkerInfo worker, double now, WorkerMemoryLimits limits, long rssBytes) {
        String id = worker.id();
        WorkerState before = states.put(id, worker.state());
        JobBand open = running.get(id);
        if (open != null && open.jobId() != worker.jobId()) {
            Job known = jobs.get(open.jobId());
            boolean over = known != null && known.isTerminal();
            end(id, now, over ? outcomeOf(known) : ENDED, over ? known.error() : null);
        }
        if (worker.jobId() != WorkerInfo.NO_JOB && !running.containsKey(id)) {
            Job known = jobs.get(worker.jobId());
            double start = known != null && known.status() == JobStatus.PROCESSING && known.updatedAt() != null
                    ? Math.min(seconds(known), now) : now;
            JobBand band = new JobBand(id, worker.jobId(), known == null ? null : known.type(), start, Double.NaN, JobBand.RUNNING, null);
            running.put(id, band);
            bands.add(band);
            lastJobOf.put(id, worker.jobId());
        }
        if (worker.state() == before) {
            return;
        }
        if (worker.state() == WorkerState.RECYCLING) {
            markers.add(new WorkerMarker(id, now, WorkerMarker.Kind.RECYCLED, whyRecycled(id, limits, rssBytes)));
        } else if (worker.state() == WorkerState.DEAD && before != null && before != WorkerState.STOPPING
                && before != WorkerState.RECYCLING) {
            markers.add(died(id, now, before));
        }
    }

    /** A band begun before its job was heard of (the console opened while it ran) learns the job's kind. */
    private void learnType(Job job) {
        for (int i = 0; i < bands.size(); i++) {
            JobBand band = bands.get(i);
            if (band.jobId() == job.id() && band.type() == null) {
                JobBand typed = band.ofType(job.type());
                bands.set(i, typed);
                running.replaceAll((worker, open) -> open.equals(band) ? typed : open);
            }
        }
    }

    private WorkerMarker died(String id, double now, WorkerState before) {
        Long jobId = before == WorkerState.BUSY ? lastJobOf.get(id) : null;
        Job job = jobId == null ? null : jobs.get(jobId);
        String error = job == null ? null : job.error();
        if (error != null && !error.isBlank()) {
            String lower = error.toLowerCase(Locale.ROOT);
            boolean killed = lower.contains("exceeded memory limit") || lower.contains("hard time limit");
            return new WorkerMarker(id, now, killed ? WorkerMarker.Kind.KILLED : WorkerMarker.Kind.LOST,
                    (killed ? "Killed while running job #" : "Lost while running job #") + jobId + ": " + error);
        }
        String doing = jobId != null ? "while running job #" + jobId : before == WorkerState.STARTING ? "before it was ready" : "while idle";
        return new WorkerMarker(id, now, WorkerMarker.Kind.LOST, "The worker process ended by itself " + doing
                + "; a new one takes its place. Its log may say why.");
    }

    private String whyRecycled(String id, WorkerMemoryLimits limits, long rssBytes) {
        Long jobId = lastJobOf.get(id);
        String after = jobId == null ? "Recycled" : "Recycled after job #" + jobId;
        if (limits == null) {
            return after + ", for its memory or for the number of jobs it had run.";
        }
        if (rssBytes > limits.softBytes()) {
            return after + ": " + WorkerRow.mebibytes(rssBytes) + " was above the soft limit of " + WorkerRow.mebibytes(limits.softBytes())
                    + ", so a fresh process takes the next job.";
        }
        return after + ": it had run its share of jobs (max tasks per child), so a fresh process takes the next one.";
    }

    private void end(String workerId, double at, String outcome, String error) {
        JobBand open = running.remove(workerId);
        int index = bands.lastIndexOf(open);
        JobBand ended = open.endedAt(Math.max(open.startSeconds(), at), outcome, error);
        if (index >= 0) {
            bands.set(index, ended);
        }
    }

    /** A worker left the pool: its bands and markers go with its line. */
    void remove(String workerId) {
        running.remove(workerId);
        states.remove(workerId);
        lastJobOf.remove(workerId);
        bands.removeIf(band -> band.workerId().equals(workerId));
        markers.removeIf(marker -> marker.workerId().equals(workerId));
    }

    /** Forgets what ended before {@code keptFrom}. */
    void forgetBefore(double keptFrom) {
        bands.removeIf(band -> !band.isRunning() && band.endSeconds() < keptFrom);
        markers.removeIf(marker -> marker.atSeconds() < keptFrom);
    }

    List<JobBand> bands() {
        return List.copyOf(bands);
    }

    List<WorkerMarker> markers() {
        return List.copyOf(markers);
    }

    private static String outcomeOf(Job job) {
        return job.status() == JobStatus.PENDING ? "requeued" : job.status().wireName();
    }

    private static double seconds(Job job) {
        return job.updatedAt().toEpochMilli() / 1000.0;
    }
}
