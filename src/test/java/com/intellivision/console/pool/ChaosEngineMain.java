package com.intellivision.console.pool;

import com.intellivision.console.job.JobRequest;
import com.intellivision.console.testsupport.ChaosJobs;
import java.nio.file.Path;
import java.util.Map;

/**
 * A console's engine in a process of its own, for tests that kill it again and again: it opens the
 * store (recovering what the last one left), submits the mix of {@link ChaosJobs} when asked to,
 * prints the ids of the jobs it submitted and {@code ready}, then runs until killed.
 *
 * <p>Arguments: data directory, the workers' temporary folder, and for the first start only the
 * videos' folder, the URL of the loopback server serving it and the number of jobs.
 */
public final class ChaosEngineMain {

    static final int WORKERS = 2;

    public static void main(String[] args) throws Exception {
        PoolConfig config = PoolConfig.defaults(Path.of(args[0])).withWorkerCount(WORKERS)
                .withWorkerEnvironment(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + args[1]));
        LocalEngine engine = LocalEngine.start(config);
        if (args.length > 2) {
            for (JobRequest request : ChaosJobs.requests(Path.of(args[2]), args[3], Integer.parseInt(args[4]))) {
                System.out.println("job " + engine.submit(request).id());
            }
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
