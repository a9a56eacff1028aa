package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.WorkerInfo;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills, once, the worker process that runs one job, when that job reports it is some way through: a
 * crash in the middle of a job, as a segfault or the OOM killer makes one. The demo shows the pool requeue the
 * job and run it again on the worker that replaces it.
 */
final class MidJobCrash {

    private static final Logger LOG = LoggerFactory.getLogger(MidJobCrash.class);
    /** A people count reports 10 % once it opened the video and 95 % at its last frame: this is a few frames in. */
    static final double STRIKE_AT_PERCENT = 30;

    private final Deployment pool;
    private final long jobId;
    private final AtomicBoolean struck = new AtomicBoolean();
    private final CompletableFuture<Optional<WorkerInfo>> killed = new CompletableFuture<>();
    private final Subscription subscription;

    private MidJobCrash(Deployment pool, long jobId) {
        this.pool = pool;
        this.jobId = jobId;
        this.subscription = pool.subscribe(event -> {
            if (event instanceof JobProgress progress && progress.jobId() == jobId && progress.percentage() >= STRIKE_AT_PERCENT
                    && struck.compareAndSet(false, true)) {
                // Not on the engine's thread, which must go on to hear the worker's death.
                Thread killer = new Thread(this::strike, "demo-crash");
                killer.setDaemon(true);
                killer.start();
            }
        });
    }

    /** Waits for job {@code jobId} of {@code pool} (a local pool) to be some way through, then kills its worker. */
    static MidJobCrash of(Deployment pool, long jobId) {
        return new MidJobCrash(pool, jobId);
    }

    private void strike() {
        try {
            Optional<WorkerInfo> worker = pool.workerMonitor().flatMap(monitor -> monitor.workers().stream()
                    .filter(running -> running.jobId() == jobId && running.pid() != WorkerInfo.NO_PID).findFirst());
            boolean done = worker.flatMap(found -> ProcessHandle.of(found.pid())).map(ProcessHandle::destroyForcibly).orElse(false);
            if (done) {
                LOG.info("demo: killed worker {} (pid {}) in the middle of job #{}; the pool requeues the job", worker.get().id(),
                        worker.get().pid(), jobId);
            }
            killed.complete(done ? worker : Optional.empty());
        } catch (RuntimeException failed) {
            killed.completeExceptionally(failed);
        } finally {
            subscription.close();
        }
    }

    /** The worker killed, once it was; empty if the job had no worker to kill by then. */
    CompletableFuture<Optional<WorkerInfo>> killed() {
        return killed;
    }

    long jobId() {
        return jobId;
    }
}
