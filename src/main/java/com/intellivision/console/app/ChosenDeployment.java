package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.intellivision.RemoteJobStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The deployment a command works on, with what has to be closed after it and where a job that the
 * command stopped waiting for goes on.
 */
final class ChosenDeployment implements AutoCloseable {

    private final Deployment deployment;
    private final String whereJobsStay;
    private final PollingRounds rounds;
    private final RemoteJobStore store;

    private ChosenDeployment(Deployment deployment, String whereJobsStay, PollingRounds rounds, RemoteJobStore store) {
        this.deployment = deployment;
        this.whereJobsStay = whereJobsStay;
        this.rounds = rounds;
        this.store = store;
    }

    static ChosenDeployment local(Deployment pool, Path dataDir) {
        return new ChosenDeployment(pool, "it stays queued in " + dataDir + " and runs when the local pool next runs there", null, null);
    }

    /**
     * @param rounds the rounds of the deployment's poller, which uses {@code store} until it is closed
     * @param asTyped the options that chose it, to repeat in advice
     */
    static ChosenDeployment remote(Deployment server, PollingRounds rounds, RemoteJobStore store, String asTyped) {
        return new ChosenDeployment(server, "it stays queued on " + server.displayName() + "; 'jobs " + asTyped + "' shows how it ends",
                rounds, store);
    }

    Deployment deployment() {
        return deployment;
    }

    /** Where a job goes on after the command stopped waiting for it, for a sentence starting "...; ". */
    String whereJobsStay() {
        return whereJobsStay;
    }

    /** Waits until the deployment has finished its first round, so its list and its connection state are current. */
    boolean awaitFirstRound(Duration timeout) throws InterruptedException {
        return rounds == null || rounds.awaitFirst(timeout);
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.close();
        }
        // A remote deployment's close waits for its last round, so its store can go after it.
        deployment.close();
        if (store != null) {
            store.close();
        }
    }
}
