package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How well a server answers, from the outcome of each call: degraded after a failure, down after a
 * few in a row or when nothing answers at all or the credentials are refused, busy while it refuses
 * new jobs for capacity (which is no fault); connected again on the next success. While calls fail
 * the console asks less and less often, so a server that is down is not hammered. Thread-safe.
 */
final class ConnectionHealth {

    static final int FAILURES_BEFORE_DOWN = 3;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** A server that said it was full is asked again after this; it says when it has room by taking a job. */
    static final Duration BUSY_FOR = Duration.ofSeconds(60);

    private final Clock clock;
    private final Duration maxBackoff;
    private final Consumer<ConnectionChanged> onChange;
    private ConnectionChanged current;
    private int failuresInARow;
    private Instant retryAt = Instant.MIN;
    private Instant busyUntil = Instant.MIN;

    ConnectionHealth(Clock clock, Duration maxBackoff, Consumer<ConnectionChanged> onChange) {
        this.clock = clock;
        this.maxBackoff = maxBackoff;
        this.onChange = onChange;
        this.current = new ConnectionChanged(ConnectionState.CONNECTED, "", clock.instant());
    }

    synchronized ConnectionChanged current() {
        return current;
    }

    /** Whether the poller should ask now, or wait out its back-off. */
    synchronized boolean mayAsk() {
        return !clock.instant().isBefore(retryAt);
    }

    /** A call answered as it should. */
    void succeeded() {
        ConnectionChanged changed;
        synchronized (this) {
            failuresInARow = 0;
            retryAt = Instant.MIN;
            boolean stillBusy = current.state() == ConnectionState.BUSY && clock.instant().isBefore(busyUntil);
            if (current.state() == ConnectionState.CONNECTED || stillBusy) {
                return;
            }
            changed = become(ConnectionState.CONNECTED, "");
        }
        onChange.accept(changed);
    }

    /** A submission went through: a server that was full has room again. */
    void acceptedJob() {
        synchronized (this) {
            busyUntil = Instant.MIN;
        }
        succeeded();
    }

    /**
     * Sends a job, and learns from the answer: a server that takes it has room; one that cannot be
     * reached, or fails, is unwell; one that refuses the job as it is (a bad link) is quite well.
     */
    ServerJob submitting(Supplier<ServerJob> send) {
        ServerJob accepted;
        try {
            accepted = send.get();
        } catch (RemoteException refused) {
            if (refused.kind() != RemoteException.Kind.REJECTED && refused.kind() != RemoteException.Kind.NOT_FOUND) {
                failed(refused);
            }
            throw refused;
        }
        acceptedJob();
        return accepted;
    }

    /** A call failed; {@code failure} says how, in words for people. */
    void failed(RemoteException failure) {
        ConnectionChanged changed;
        synchronized (this) {
            if (failure.kind() == RemoteException.Kind.BUSY) {
                busyUntil = clock.instant().plus(BUSY_FOR);
                changed = current.state() == ConnectionState.BUSY ? null : become(ConnectionState.BUSY, failure.getMessage());
            } else {
                failuresInARow++;
                Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failuresInARow - 1, 5));
                retryAt = clock.instant().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
                ConnectionState state = isDown(failure) ? ConnectionState.DOWN : ConnectionState.DEGRADED;
                changed = state == current.state() && failure.getMessage().equals(current.reason()) ? null : become(state, failure.getMessage());
            }
        }
        if (changed != null) {
            onChange.accept(changed);
        }
    }

    private boolean isDown(RemoteException failure) {
        return failuresInARow >= FAILURES_BEFORE_DOWN
                || failure.kind() == RemoteException.Kind.UNREACHABLE
                || failure.kind() == RemoteException.Kind.UNAUTHORIZED
                || failure.kind() == RemoteException.Kind.REDIRECTED;
    }

    private ConnectionChanged become(ConnectionState state, String reason) {
        // Staying down (with another reason) keeps the moment contact was lost.
        Instant since = state == current.state() ? current.since() : clock.instant();
        current = new ConnectionChanged(state, reason, since);
        return current;
    }
}
