package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.deployment.WorkerMonitor;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the window shows of a deployment when it opens, read in one go (in the background) after
 * subscribing to it, so no change is missed.
 *
 * @param memoryLimit the workers' hard memory limit, which alerts watch: above it a worker is stopped mid-job
 */
record DeploymentSnapshot(List<Job> jobs, List<WorkerInfo> workers, QueueFigures figures, boolean paused, ConnectionChanged connection,
        OptionalLong memoryLimit) {

    /** Reads {@code deployment}'s newest {@code jobs} jobs and the rest; it may block on the network. */
    static DeploymentSnapshot read(Deployment deployment, int jobs) {
        return new DeploymentSnapshot(
                deployment.recentJobs(jobs),
                deployment.workerMonitor().map(WorkerMonitor::workers).orElse(List.of()),
                deployment.queueStatistics().map(statistics -> statistics.figures()).orElse(QueueFigures.EMPTY),
                deployment.poolControl().map(PoolControl::isPaused).orElse(false),
                deployment.connection(),
                deployment.workerMonitor().flatMap(WorkerMonitor::memoryLimits)
                        .map(limits -> OptionalLong.of(limits.hardBytes())).orElse(OptionalLong.empty()));
    }
}
