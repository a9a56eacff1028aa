package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jobs}: a deployment's recent jobs, newest first, as a table. */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List a deployment's recent jobs, newest first: id, type, status, when it last changed (local time) and source.",
            "A remote deployment is asked first, so the list is current; when it cannot be reached, the jobs this computer kept "
                    + "of it are listed, as last seen, and stderr says why."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:The list is current.", "1:The deployment could not be reached; the list is what this computer kept.",
            "2:The options were wrong."})
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "List at most N jobs (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Mixin
    DeploymentChoice where = new DeploymentChoice();

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit: list at least 1 job, not " + limit);
        }
        try (ChosenDeployment chosen = where.open(pool, 1)) {
            Deployment deployment = chosen.deployment();
            // Listing must not start jobs that wait in the local queue.
            deployment.poolControl().ifPresent(PoolControl::pause);
            ConnectionChanged connection = deployment.connection();
            boolean unreachable = connection.state() == ConnectionState.DOWN || connection.state() == ConnectionState.DEGRADED;
            List<Job> jobs = deployment.recentJobs(limit);
            if (unreachable) {
                spec.commandLine().getErr().println(connection.reason() + " The list shows the jobs this computer kept of "
                        + deployment.displayName() + ", as last seen.");
            }
            spec.commandLine().getOut().print(jobs.isEmpty() ? "No jobs on " + deployment.displayName() + "." + System.lineSeparator()
                    : JobTable.format(jobs, ZoneId.systemDefault()));
            spec.commandLine().getOut().flush();
            return unreachable ? 1 : 0;
        }
    }
}
