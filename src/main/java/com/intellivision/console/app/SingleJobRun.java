package com.intellivision.console.app;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.LocalEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands that run one job share: a local pool of one worker runs it, the finished job is
 * printed as JSON, its error goes to stderr if it failed, and its image is copied where asked.
 */
final class SingleJobRun {

    static final int COMPLETED = 0;
    static final int FAILED = 1;
    static final int TIMED_OUT = 2;

    private SingleJobRun() {}

    /**
     * @param copyImageTo where to copy the job's image once it completed, or null
     * @return the command's exit code: {@link #COMPLETED}, {@link #FAILED} (or cancelled) or {@link #TIMED_OUT}
     */
    static int run(CommandSpec spec, PoolOptions pool, JobRequest request, Duration timeout, Path copyImageTo)
            throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (LocalEngine engine = LocalEngine.start(pool.toConfig(1))) {
            Job submitted = engine.submit(request);
            Job finished = engine.awaitTerminal(submitted.id(), timeout);
            stdout.println(JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(finished));
            stdout.flush();
            if (finished.status() != JobStatus.COMPLETED) {
                stderr.println("Job " + finished.id() + " " + finished.status().wireName() + ": " + finished.error());
                return FAILED;
            }
            if (copyImageTo != null) {
                Files.copy(Path.of(finished.outputImage()), copyImageTo, StandardCopyOption.REPLACE_EXISTING);
            }
            return COMPLETED;
        } catch (TimeoutException slow) {
            stderr.println("The job did not finish within " + timeout.toMinutes() + " minutes; it stays queued in " + pool.dataDir + ".");
            return TIMED_OUT;
        }
    }
}
