package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A server job and the jobs that retried it, as attempts: a server keeps no history of runs, but each
 * retry is a run of the same inputs, linked to the one before. Each attempt names its job.
 */
final class RetryChain {

    private RetryChain() {}

    static List<JobAttempt> attemptsOf(String deploymentId, long jobId, RemoteJobStore store) {
        Optional<Job> asked = store.find(deploymentId, jobId);
        if (asked.isEmpty()) {
            return List.of();
        }
        // Up to the first run, then down through every retry of it; the sets guard against a loop of links.
        Job root = asked.get();
        Set<Long> above = new HashSet<>(Set.of(root.id()));
        while (root.retryOf() != null && above.add(root.retryOf())) {
            Optional<Job> earlier = store.find(deploymentId, root.retryOf());
            if (earlier.isEmpty()) {
                break;
            }
            root = earlier.get();
        }
        List<Job> chain = new ArrayList<>(List.of(root));
        Set<Long> inChain = new HashSet<>(Set.of(root.id()));
        for (int next = 0; next < chain.size(); next++) {
            for (Job retry : store.retriesOf(deploymentId, chain.get(next).id())) {
                if (inChain.add(retry.id())) {
                    chain.add(retry);
                }
            }
        }
        chain.sort(Comparator.comparing(Job::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<JobAttempt> attempts = new ArrayList<>();
        for (Job run : chain) {
            attempts.add(new JobAttempt(jobId, attempts.size() + 1, "job #" + run.id(), WorkerInfo.NO_PID, run.createdAt(),
                    run.isTerminal() ? run.updatedAt() : null, outcomeOf(run.status()), run.error()));
        }
        return attempts;
    }

    private static String outcomeOf(JobStatus status) {
        return status == JobStatus.PROCESSING ? JobAttempt.RUNNING : status.wireName();
    }
}
