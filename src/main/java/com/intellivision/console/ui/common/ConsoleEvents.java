package com.intellivision.console.ui.common;

import com.intellivision.console.job.EngineEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of every deployment, on the JavaFX thread, already batched: each view model takes the
 * kinds it needs, so a new view adds a registration, not a branch in the window's code. Handlers of
 * one kind run in the order they registered; after each batch the batch's followers run once.
 */
public final class ConsoleEvents {

    /** Takes one kind of event, with the id of the deployment that reported it. */
    @FunctionalInterface
    public interface Handler<E extends EngineEvent> {
        void handle(String deploymentId, E event);
    }

    private final Map<Class<? extends EngineEvent>, List<Handler<EngineEvent>>> handlers = new LinkedHashMap<>();
    private final List<Runnable> afterEachBatch = new ArrayList<>();

    /** {@code handler} hears every event of {@code type} (records: the exact type). */
    @SuppressWarnings("unchecked")
    public <E extends EngineEvent> void on(Class<E> type, Handler<? super E> handler) {
        handlers.computeIfAbsent(type, kind -> new ArrayList<>()).add((Handler<EngineEvent>) (Handler<?>) handler);
    }

    /** {@code follower} runs once after every batch, as when alerts raised by the batch are shown. */
    public void afterEachBatch(Runnable follower) {
        afterEachBatch.add(follower);
    }

    /** Hands a batch to the handlers, in order, then runs the followers. Runs on the JavaFX thread. */
    public void deliver(List<SourcedEvent> batch) {
        handle(batch);
        finishBatch();
    }

    /** Hands events to the handlers, in order: part of a batch, whose followers wait for {@link #finishBatch}. */
    public void handle(List<SourcedEvent> events) {
        for (SourcedEvent sourced : events) {
            List<Handler<EngineEvent>> forKind = handlers.get(sourced.event().getClass());
            if (forKind != null) {
                for (Handler<EngineEvent> handler : forKind) {
                    handler.handle(sourced.deploymentId(), sourced.event());
                }
            }
        }
    }

    /** Runs the followers once, for all the events handled since the last time. */
    public void finishBatch() {
        afterEachBatch.forEach(Runnable::run);
    }
}
