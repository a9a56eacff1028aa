package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows the rounds of a deployment that is polled, through its events: each round ends with the
 * queue's figures, the first one always.
 */
final class PollingRounds implements AutoCloseable {

    private final CountDownLatch firstRound = new CountDownLatch(1);
    private final Subscription subscription;

    private PollingRounds(Deployment deployment) {
        this.subscription = deployment.subscribe(this::seen);
    }

    /** Starts following {@code deployment}, which should have just been created, before its first round ends. */
    static PollingRounds follow(Deployment deployment) {
        return new PollingRounds(deployment);
    }

    private void seen(EngineEvent event) {
        if (event instanceof QueueChanged) {
            firstRound.countDown();
        }
    }

    boolean awaitFirst(Duration timeout) throws InterruptedException {
        return firstRound.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
