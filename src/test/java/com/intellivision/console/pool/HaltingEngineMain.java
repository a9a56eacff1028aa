package com.intellivision.console.pool;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import java.nio.file.Path;

/**
 * A console's engine in a process of its own that halts, as a kill would stop it, the first time the
 * store has stored one half of the change of status named: it submits one frame job and prints its id.
 *
 * <p>Arguments: data directory, URL of a video ({@code -} to submit none), {@link BetweenHalves.Transition}
 * to halt in.
 */
public final class HaltingEngineMain {

    /** The exit status of a process that halted where it was asked to, and nowhere else. */
    public static final int HALTED = 86;

    public static void main(String[] args) throws Exception {
        BetweenHalves.Transition haltIn = BetweenHalves.Transition.valueOf(args[2]);
        BetweenHalves halt = (transition, jobId) -> {
            if (transition == haltIn) {
                Runtime.getRuntime().halt(HALTED);
            }
        };
        LocalEngine engine = LocalEngine.start(PoolConfig.defaults(Path.of(args[0])).withWorkerCount(1), halt);
        if (!args[1].equals("-")) {
            System.out.println("job " + engine.submit(JobRequest.frame(args[1], FrameParams.at(1.0))).id());
        }
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
