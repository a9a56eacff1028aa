package com.intellivision.console.ui;

import com.intellivision.console.job.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands engine events, which arrive on the deployment's own thread, to the UI thread. Events are queued
 * and delivered in batches: a burst of a hundred progress reports costs the FX thread one task, not a
 * hundred, and readings made stale by a later one in the same batch are dropped (see
 * {@link EventBatches#coalesce}).
 *
 * <p>The deployment's thread only enqueues and never waits, as the deployment asks of its listeners.
 */
public final class FxEventBridge implements Consumer<EngineEvent>, AutoCloseable {

    private final Executor uiThread;
    private final Consumer<List<EngineEvent>> onUiThread;
    private final Queue<EngineEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;

    public FxEventBridge(Executor uiThread, Consumer<List<EngineEvent>> onUiThread) {
        this.uiThread = uiThread;
        this.onUiThread = onUiThread;
    }

    /** Called on the deployment's thread. */
    @Override
    public void accept(EngineEvent event) {
        if (closed) {
            return;
        }
        queued.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling: an event queued after this point schedules a drain of its own.
        drainScheduled.set(false);
        List<EngineEvent> batch = new ArrayList<>();
        for (EngineEvent event = queued.poll(); event != null; event = queued.poll()) {
            batch.add(event);
        }
        if (!closed && !batch.isEmpty()) {
            onUiThread.accept(EventBatches.coalesce(batch));
        }
    }

    /** Stops delivery; events already queued are dropped. */
    @Override
    public void close() {
        closed = true;
        queued.clear();
    }
}
