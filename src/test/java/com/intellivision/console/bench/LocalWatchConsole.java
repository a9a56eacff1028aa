package com.intellivision.console.bench;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.pool.PoolConfig;
import java.nio.file.Path;

/**
 * A headless console watching its local pool, for {@link RemoteWatchBench}: two workers, dispatch
 * paused, and a queue of jobs that therefore stay pending; it subscribes and only counts what it hears.
 * Arguments: a folder of its own, how many jobs to queue. Runs until killed; its workers go with it.
 */
public final class LocalWatchConsole {

    private static final int WORKERS = 2;
    /** Port 9 (discard) on loopback: nothing answers, so a job would fail rather than hang, were it ever run. */
    private static final String NEVER_FETCHED = "http://127.0.0.1:9/never-";

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        LocalDeployment deployment = LocalDeployment.start(PoolConfig.defaults(folder).withWorkerCount(WORKERS));
        // Paused before the first submission, so no job is ever handed to a worker.
        deployment.poolControl().orElseThrow().pause();
        Runtime.getRuntime().addShutdownHook(new Thread(deployment::close));
        WatchTally.Listener listener = new WatchTally.Listener();
        deployment.subscribe(listener);
        for (int i = 0; i < jobs; i++) {
            deployment.submit(JobRequest.frame(NEVER_FETCHED + i + ".mp4", FrameParams.at(1.0)));
        }
        System.out.println(WatchTally.READY);
        listener.reportUntilKilled();
    }

    private LocalWatchConsole() {}
}
