package com.intellivision.console.deployment;

import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.job.EngineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each event of a remote deployment to every subscriber, in order, on the thread that publishes it. */
public final class EventFanout {

    private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);

    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(EngineEvent event) {
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException broken) {
                // One faulty subscriber must not stop the polling or starve the others.
                LOG.warn("an event listener failed on {}", event, broken);
            }
        }
    }
}
