package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every engine event to every subscriber, in order, on the engine's thread. */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    Runnable subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(EngineEvent event) {
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException broken) {
                // One faulty subscriber must not stop the engine or starve the others.
                LOG.warn("an event listener failed on {}", event, broken);
            }
        }
    }
}
