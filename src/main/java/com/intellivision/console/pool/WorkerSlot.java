package com.intellivision.console.pool;

import com.intellivision.console.job.JobType;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.time.Instant;

/**
 * A place in the pool for one worker. Its process is replaced when it dies or is recycled; the slot's
 * number stays, so graphs and people can follow "worker 2". Touched only on the engine's loop.
 */
final class WorkerSlot {

    final int id;
    WorkerProcess process;
    WorkerState state = WorkerState.STARTING;
    long rssBytes;
    long peakRssBytes;
    int jobsDone;
    int failedStarts;
    /** Leaves the pool after its current job, when the pool shrinks. */
    boolean retiring;

    long jobId = WorkerInfo.NO_JOB;
    JobType jobType;
    Instant jobStartedAt;
    /** Set when the job was asked to stop; why, for the job's error (null: the user cancelled it). */
    boolean stopRequested;
    String stopReason;
    /** Set when the engine kills the process on purpose; the job's error then says why. */
    String killReason;
    /** The split count whose part {@link #part} the slot runs, or null while it runs a whole job or none. */
    SplitCounts.Count split;
    int part = -1;

    WorkerSlot(int id) {
        this.id = id;
    }

    void started(WorkerProcess newProcess) {
        process = newProcess;
        state = WorkerState.STARTING;
        rssBytes = 0;
        peakRssBytes = 0;
        jobsDone = 0;
        killReason = null;
    }

    boolean isRunningJob() {
        return jobId != WorkerInfo.NO_JOB;
    }

    boolean isReady() {
        return state == WorkerState.IDLE || state == WorkerState.BUSY;
    }

    void take(long newJobId, JobType type, Instant now) {
        state = WorkerState.BUSY;
        jobId = newJobId;
        jobType = type;
        jobStartedAt = now;
        stopRequested = false;
        stopReason = null;
    }

    void clearJob() {
        jobId = WorkerInfo.NO_JOB;
        split = null;
        part = -1;
        jobType = null;
        jobStartedAt = null;
        stopRequested = false;
        stopReason = null;
    }

    WorkerInfo info() {
        return WorkerInfo.single(nameOf(id), process == null ? WorkerInfo.NO_PID : process.pid(), state, jobId, rssBytes, peakRssBytes);
    }

    /** What the names of workers begin with. */
    static final String NAME_PREFIX = "w";

    /** What people and events call the worker of slot {@code id}: w1, w2, ... */
    static String nameOf(int id) {
        return NAME_PREFIX + id;
    }

    /** The slot of a worker's name, or -1 for a name that is not one of the pool's. */
    static int idOf(String name) {
        if (name == null || !name.matches("w[1-9][0-9]{0,8}")) {
            return -1;
        }
        return Integer.parseInt(name.substring(1));
    }
}
