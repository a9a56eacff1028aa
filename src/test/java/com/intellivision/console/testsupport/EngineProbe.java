package com.intellivision.console.testsupport;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.WorkerInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for an engine to reach a state, without sleeping for fixed times. */
public final class EngineProbe {

    private EngineProbe() {}

    /** Polls {@code workers} until one is running {@code jobId}, and returns it. */
    public static WorkerInfo awaitWorkerRunning(Supplier<List<WorkerInfo>> workers, long jobId, Duration timeout) throws InterruptedException {
        return await(() -> workers.get().stream().filter(worker -> worker.jobId() == jobId).findFirst().orElse(null),
                "a worker running job " + jobId, timeout);
    }

    public static <T> T await(Supplier<T> probe, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** Collects events for later assertions. */
    public static final class Recorder implements java.util.function.Consumer<EngineEvent> {
        private final List<EngineEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(EngineEvent event) {
            events.add(event);
        }

        public <E extends EngineEvent> List<E> all(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public <E extends EngineEvent> List<E> all(Class<E> type, Predicate<E> filter) {
            return all(type).stream().filter(filter).toList();
        }
    }
}
