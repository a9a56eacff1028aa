package com.intellivision.console.ui.shell;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.ui.common.SourcedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands the events of every deployment, which arrive on the deployments' own threads, to the UI thread.
 * Events are queued and delivered in batches: a burst of a hundred progress reports costs the FX thread
 * one task, not a hundred, and readings made stale by a later one in the same batch are dropped (see
 * {@link EventBatches#coalesce}).
 *
 * <p>One task works through events for at most {@link #SLICE}; what is left waits for a task of its own,
 * which runs after the pulse due meanwhile. A burst, such as a deployment's backlog after a reconnect
 * or many workers finishing at once, then takes a few frames instead of freezing one.
 *
 * <p>The deployments' threads only enqueue and never wait, as the deployment asks of its listeners.
 */
public final class FxEventBridge implements AutoCloseable {

    /** Half a frame at 60 a second: the other half is the pulse's. */
    static final Duration SLICE = Duration.ofMillis(8);
    /** Events handed over between looks at the clock: enough that views still see most of a burst at once. */
    static final int EVENTS_PER_LOOK = 10;

    private final Executor uiThread;
    private final Consumer<List<SourcedEvent>> onUiThread;
    private final Runnable afterEachTask;
    private final LongSupplier nanoTime;
    private final Queue<SourcedEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Coalesced events a task had no time left for; only the UI thread touches it. */
    private List<SourcedEvent> left = List.of();
    private volatile boolean closed;

    /**
     * @param onUiThread takes the events, a part of a task's at a time
     * @param afterEachTask runs once a task has handed over its events, for work that needs doing once for all of them
     */
    FxEventBridge(Executor uiThread, Consumer<List<SourcedEvent>> onUiThread, Runnable afterEachTask) {
        this(uiThread, onUiThread, afterEachTask, System::nanoTime);
    }

    FxEventBridge(Executor uiThread, Consumer<List<SourcedEvent>> onUiThread, Runnable afterEachTask, LongSupplier nanoTime) {
        this.uiThread = uiThread;
        this.onUiThread = onUiThread;
        this.afterEachTask = afterEachTask;
        this.nanoTime = nanoTime;
    }

    /** The listener to subscribe to one deployment: it tags each event with the deployment's id. */
    Consumer<EngineEvent> listenerFor(String deploymentId) {
        return event -> accept(new SourcedEvent(deploymentId, event));
    }

    /** Called on a deployment's thread. */
    void accept(SourcedEvent event) {
        if (closed) {
            return;
        }
        queued.add(event);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        long deadline = nanoTime.getAsLong() + SLICE.toNanos();
        // Cleared before polling: an event queued after this point schedules a drain of its own.
        drainScheduled.set(false);
        // What was left waits with what came since, so a reading left over can still be made stale.
        List<SourcedEvent> batch = new ArrayList<>(left);
        for (SourcedEvent event = queued.poll(); event != null; event = queued.poll()) {
            batch.add(event);
        }
        left = List.of();
        if (closed || batch.isEmpty()) {
            return;
        }
        List<SourcedEvent> kept = EventBatches.coalesce(batch);
        int from = 0;
        while (from < kept.size() && (from == 0 || nanoTime.getAsLong() <= deadline)) {
            int to = Math.min(kept.size(), from + EVENTS_PER_LOOK);
            onUiThread.accept(kept.subList(from, to));
            from = to;
        }
        if (from < kept.size()) {
            left = kept.subList(from, kept.size());
            scheduleDrain();
        }
        afterEachTask.run();
    }

    /** Stops delivery; events already queued are dropped. */
    @Override
    public void close() {
        closed = true;
        queued.clear();
    }
}
