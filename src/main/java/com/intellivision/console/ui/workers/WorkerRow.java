package com.intellivision.console.ui.workers;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.StatusBadge;
import java.util.Locale;

/**
 * One line of the workers table: the worker as last reported, with the memory of its latest sample.
 *
 * @param activeJobs how many jobs it runs now
 * @param processes how many processes work for it (a Celery worker's pool)
 * @param rssBytes resident memory now, 0 before the first sample
 * @param peakBytes the highest resident memory of its current process
 */
public record WorkerRow(String id, long pid, WorkerState state, long jobId, int activeJobs, int processes, long rssBytes, long peakBytes) {

    private static final long MIB = 1024 * 1024;

    /**
     * The worker with its latest sample, keeping the peak seen so far by {@code before} when it
     * describes the same process.
     */
    static WorkerRow of(WorkerInfo worker, MemorySampled latest, WorkerRow before) {
        long rss = residentBytes(worker, latest);
        long peak = Math.max(rss, worker.peakRssBytes());
        if (before != null && before.pid() == worker.pid()) {
            peak = Math.max(peak, before.peakBytes());
        }
        return new WorkerRow(worker.id(), worker.pid(), worker.state(), worker.jobId(), worker.activeJobs(), worker.processes(), rss, peak);
    }

    /** The latest sample of the worker's current process, else what the worker itself last reported. */
    public static long residentBytes(WorkerInfo worker, MemorySampled latest) {
        // A sample of a process that has since been replaced says nothing about the new one.
        if (latest != null && (latest.pid() == worker.pid() || worker.pid() <= 0)) {
            return latest.rssBytes();
        }
        return worker.rssBytes();
    }

    public String name() {
        return id;
    }

    public String pidText() {
        return pid > 0 ? Long.toString(pid) : "—";
    }

    public String stateText() {
        return StatusBadge.capitalize(state.name().toLowerCase(Locale.ROOT));
    }

    public String stateStyleClass() {
        return "worker-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** "#7", "#7 and 2 more", or "2 tasks" when the jobs are not known by number. */
    public String jobText() {
        if (jobId == WorkerInfo.NO_JOB) {
            return activeJobs > 0 ? activeJobs + (activeJobs == 1 ? " task" : " tasks") : "—";
        }
        return activeJobs > 1 ? "#" + jobId + " and " + (activeJobs - 1) + " more" : "#" + jobId;
    }

    public String processesText() {
        return processes > 0 ? Integer.toString(processes) : "—";
    }

    public String memoryText() {
        return rssBytes > 0 ? mebibytes(rssBytes) : "—";
    }

    public String peakText() {
        return peakBytes > 0 ? mebibytes(peakBytes) : "—";
    }

    public static String mebibytes(long bytes) {
        return Math.round((double) bytes / MIB) + " MiB";
    }
}
