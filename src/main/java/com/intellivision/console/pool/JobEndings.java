package com.intellivision.console.pool;

import com.intellivision.console.job.Job;
import com.intellivision.console.worker.OutputFiles;

/**
 * What becomes of a job whose worker stopped before it said the job was done: cancelled or failed when
 * it was asked to stop; failed with the reason when the engine killed it; otherwise queued again
 * (late acknowledgement) until it has been lost too often, then failed for good as a dead letter.
 * Its files, finished or partial, are removed either way.
 */
final class JobEndings {

    private final JobStore store;
    private final PoolConfig config;

    JobEndings(JobStore store, PoolConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The job of a slot that stopped as asked: cancelled by a person, or failed by a time limit. */
    Job stopped(WorkerSlot slot) {
        OutputFiles.deleteAll(config.framesDir(), slot.jobId);
        return slot.stopReason == null ? store.cancelRunning(slot.jobId) : store.fail(slot.jobId, slot.stopReason, false);
    }

    /** The job of a slot whose process exited, for whatever reason, while it ran. */
    Job ofExitedWorker(WorkerSlot slot, WorkerProcess process, int exitCode) {
        if (slot.stopRequested && !killedAtALaterLimit(slot)) {
            return stopped(slot);
        }
        OutputFiles.deleteAll(config.framesDir(), slot.jobId);
        if (slot.killReason != null) {
            return store.fail(slot.jobId, slot.killReason, false);
        }
        String lost = "Worker lost (" + ExitCodes.describe(exitCode) + ")" + lastWords(process);
        int attempts = store.find(slot.jobId).map(Job::attempts).orElse(Integer.MAX_VALUE);
        if (attempts <= config.maxRetries()) {
            return store.requeue(slot.jobId, lost + "; the job was queued again.");
        }
        return store.fail(slot.jobId, lost + ". It was lost " + attempts + " times, so it will not be retried automatically;"
                + " the video may need more memory than a worker has. Retry it by hand to try again.", true);
    }

    /**
     * A job asked to stop at its soft time limit that did not (a hung worker heeds nothing) and was
     * killed at its hard limit or for its memory: that later reason is what happened to it.
     */
    private static boolean killedAtALaterLimit(WorkerSlot slot) {
        return slot.stopReason != null && slot.killReason != null && !slot.killReason.equals(slot.stopReason);
    }

    /** The end of what a worker wrote to stderr, which often says why it died. */
    static String lastWords(WorkerProcess process) {
        String stderr = process.lastStderr();
        return stderr.isEmpty() ? "" : "; it last said: " + stderr;
    }
}
