package com.intellivision.console.deployment;

import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.Job;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a job to end, through a deployment's events, for any deployment. */
final class JobWaits {

    private JobWaits() {}

    static Job awaitTerminal(Deployment deployment, long jobId, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Job> done = new CompletableFuture<>();
        // Subscribed before looking, so an end between the look and the subscription is not missed.
        try (Subscription ignored = deployment.subscribe(event -> {
            if (event instanceof JobChanged changed && changed.job().id() == jobId && changed.job().isTerminal()) {
                done.complete(changed.job());
            }
        })) {
            Job now = deployment.job(jobId).orElseThrow(() -> new NoSuchElementException(
                    deployment.displayName() + " has no job #" + jobId));
            if (now.isTerminal()) {
                done.complete(now);
            }
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
    }
}
