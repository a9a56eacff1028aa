package com.intellivision.console.ui.shell;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.ui.common.SourcedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands the events of every deployment, which arrive on the deployments' own threads, to the UI thread.
 * Events are queued and delivered in batches: a burst of a hundred progress reports costs the FX thread
 * one task, not a hundred, and readings made stale by a later one in the same batch are dropped (see
 * {@link EventBatches#coalesce}).
 *
 * <p>The deployments' threads only enqueue and never wait, as the deployment asks of its listeners.
 */
public final class FxEventBridge implements AutoCloseable {

    private final Executor uiThread;
    private final Consumer<List<SourcedEvent>> onUiThread;
    private final Queue<SourcedEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;

    FxEventBridge(Executor uiThread, Consumer<List<SourcedEvent>> onUiThread) {
        this.uiThread = uiThread;
        this.onUiThread = onUiThread;
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
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling: an event queued after this point schedules a drain of its own.
        drainScheduled.set(false);
        List<SourcedEvent> batch = new ArrayList<>();
        for (SourcedEvent event = queued.poll(); event != null; event = queued.poll()) {
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
