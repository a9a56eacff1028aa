package com.intellivision.console.pool;

import com.intellivision.console.job.Job;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a console that was killed left behind, put right by the next one to open the store: its
 * worker processes ended, its running jobs queued again.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final JobStore store;
    private final long ownPid;

    Recovery(JobStore store, long ownPid) {
        this.store = store;
        this.ownPid = ownPid;
    }

    /** Ends the worker processes of consoles that are not running; a pid reused by another program is left alone. */
    void endWorkersOfDeadConsoles() {
        for (WorkerRecords.RegisteredWorker left : store.takeWorkersOfDeadConsoles(this::isOtherLiveProcess)) {
            ProcessHandle.of(left.pid())
                    .filter(process -> process.info().startInstant().map(left.startedAt()::equals).orElse(false))
                    .ifPresent(process -> {
                        LOG.info("ending worker process {} left by a console that stopped", left.pid());
                        process.destroyForcibly();
                    });
        }
    }

    /** Puts back in the queue the jobs that consoles which are not running left processing; returns them. */
    List<Job> requeueJobsOfDeadConsoles() {
        List<Job> requeued = store.requeueOrphans(this::isOtherLiveProcess);
        if (!requeued.isEmpty()) {
            LOG.info("requeued {} job(s) left running by a console that stopped", requeued.size());
        }
        return requeued;
    }

    private boolean isOtherLiveProcess(long pid) {
        return pid != ownPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
