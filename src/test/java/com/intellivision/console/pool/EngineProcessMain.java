package com.intellivision.console.pool;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.nio.file.Path;

/**
 * A console's engine in a process of its own, for tests that kill it: it submits one job that stalls
 * and some that wait behind it, prints the ids of its jobs and workers, then runs until killed.
 *
 * <p>Arguments: data directory, URL of the stalling video, URL of a normal video, number of normal jobs.
 */
public final class EngineProcessMain {

    public static void main(String[] args) throws Exception {
        LocalEngine engine = LocalEngine.start(PoolConfig.defaults(Path.of(args[0])).withWorkerCount(1));
        while (engine.workers().stream().noneMatch(worker -> worker.state() == WorkerState.IDLE)) {
            Thread.sleep(20);
        }
        Job stalling = engine.submit(JobRequest.frame(args[1], FrameParams.at(1.0)));
        System.out.println("job " + stalling.id());
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            System.out.println("job " + engine.submit(JobRequest.frame(args[2], FrameParams.at(1.0))).id());
        }
        for (WorkerInfo worker : engine.workers()) {
            System.out.println("worker " + worker.pid());
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
