package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the commands that run one job share, wherever it runs: the job is submitted to the chosen
 * deployment and waited for, the finished job is printed as JSON, its error goes to stderr if it
 * failed, and its image is copied where asked.
 */
final class SingleJobRun {

    static final int COMPLETED = 0;
    static final int FAILED = 1;
    static final int TIMED_OUT = 2;

    /** The exit codes, as the commands' help explains them. */
    static final String EXIT_COMPLETED = "0:The job completed, and its image was copied if --out asked for it.";
    static final String EXIT_FAILED = "1:The job failed or was cancelled, it completed without an image for --out, or the deployment "
            + "could not be reached.";
    static final String EXIT_REFUSED_OR_TIMED_OUT = "2:The options were wrong or the deployment cannot take them, or the job did not "
            + "end in time (it goes on where it runs).";

    /** One command's job: what it asks for, and which of its options a deployment cannot honour. */
    interface JobToRun {

        /** Throws a {@link ParameterException} for an option given that {@code deployment} cannot honour. */
        void refuseWhatCannotRunOn(Deployment deployment);

        /** The request, with its settings checked; throws a {@link ParameterException} for bad ones. */
        JobRequest request();
    }

    private SingleJobRun() {}

    /** The wait of a {@code --timeout MINUTES} option. */
    static Duration timeout(CommandSpec spec, double minutes) {
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new ParameterException(spec.commandLine(), "--timeout: the wait must be more than 0 minutes, not " + minutes);
        }
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /**
     * @param copyImageTo where to copy the job's image once it completed, or null
     * @return the command's exit code: {@link #COMPLETED}, {@link #FAILED} (or cancelled) or {@link #TIMED_OUT}
     */
    static int run(CommandSpec spec, DeploymentChoice where, PoolOptions pool, JobToRun job, Duration timeout, Path copyImageTo)
            throws IOException, InterruptedException {
        // Settings the local pool would refuse are refused before it starts; a remote deployment first says what it cannot take at all.
        JobRequest checkedFirst = where.isRemote() ? null : job.request();
        try (ChosenDeployment chosen = where.open(pool, 1)) {
            Deployment deployment = chosen.deployment();
            job.refuseWhatCannotRunOn(deployment);
            JobRequest request = checkedFirst != null ? checkedFirst : job.request();
            Job submitted = submit(spec, deployment, request);
            try {
                return report(spec, deployment.awaitTerminal(submitted.id(), timeout), copyImageTo, deployment);
            } catch (TimeoutException slow) {
                spec.commandLine().getErr().println("Job " + submitted.id() + " did not finish within " + describe(timeout)
                        + "; " + chosen.whereJobsStay() + ".");
                return TIMED_OUT;
            }
        }
    }

    private static Job submit(CommandSpec spec, Deployment deployment, JobRequest request) {
        try {
            return deployment.submit(request);
        } catch (IllegalArgumentException refused) {
            // Deployments refuse requests they cannot take (a job type, a file instead of a link) with a message for people.
            String elsewhere = deployment.capabilities().accepts(request.type()) ? ""
                    : " From the command line, run it on a server with --deployment NAME or --server URL --token-file FILE.";
            throw new ParameterException(spec.commandLine(), refused.getMessage() + elsewhere, refused);
        }
    }

    private static int report(CommandSpec spec, Job finished, Path copyImageTo, Deployment deployment) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        stdout.println(JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(finished));
        stdout.flush();
        if (finished.status() != JobStatus.COMPLETED) {
            stderr.println(failureOf(finished));
            return FAILED;
        }
        if (copyImageTo != null) {
            if (finished.outputImage() == null) {
                stderr.println("Job " + finished.id() + " completed, but " + deployment.displayName()
                        + " gave no image that could be downloaded, so nothing was written to " + copyImageTo + ".");
                return FAILED;
            }
            ImageCopy.copy(Path.of(finished.outputImage()), copyImageTo);
        }
        return COMPLETED;
    }

    /** "Job 7 failed: why", and where a server's traceback ended when that says more than the message. */
    static String failureOf(Job job) {
        String error = job.error() == null || job.error().isBlank() ? "no reason was given" : job.error().strip();
        String failure = "Job " + job.id() + " " + job.status().wireName() + ": " + error;
        String lastLine = job.traceback() == null ? "" : job.traceback().strip().lines().reduce((first, second) -> second).orElse("").strip();
        return lastLine.isEmpty() || error.contains(lastLine) ? failure
                : failure + System.lineSeparator() + "The server's traceback ends with: " + lastLine;
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds % 60 != 0) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
