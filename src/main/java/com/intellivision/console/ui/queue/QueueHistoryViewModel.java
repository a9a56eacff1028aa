package com.intellivision.console.ui.queue;

import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Percent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Queue tab: each deployment's queue over the last hour, one sample every few seconds (the latest
 * figures, held until they change), for the deployment shown: pending and running jobs, jobs done and
 * failed per minute, and the failure rate. Kept as plain samples; the view draws them.
 */
public final class QueueHistoryViewModel {

    /** One moment of a queue. */
    public record Sample(Instant at, QueueFigures figures) {}

    /** A point every five seconds: 720 an hour, few enough for a chart to redraw at once. */
    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration KEPT = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Deque<Sample>> histories = new HashMap<>();
    private final Map<String, QueueFigures> latest = new HashMap<>();
    private final ObservableList<Sample> shown = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private String shownDeployment;

    public QueueHistoryViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Takes the queues' figures from now on. */
    public void listenTo(ConsoleEvents events) {
        events.on(QueueChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.figures()));
    }

    /** New figures: they replace the last sample if it is younger than {@link #EVERY}, so bursts make one point. */
    public void apply(String deploymentId, QueueFigures figures) {
        latest.put(deploymentId, figures);
        Deque<Sample> history = histories.computeIfAbsent(deploymentId, id -> new ArrayDeque<>());
        Instant now = clock.instant();
        if (!history.isEmpty() && history.peekLast().at().isAfter(now.minus(EVERY))) {
            history.pollLast();
            if (deploymentId.equals(shownDeployment) && !shown.isEmpty()) {
                shown.remove(shown.size() - 1);
            }
        }
        add(deploymentId, new Sample(now, figures));
    }

    /** Holds every deployment's latest figures for another sample; the view calls it every {@link #EVERY}. */
    public void tick() {
        Instant now = clock.instant();
        latest.forEach((deploymentId, figures) -> {
            Deque<Sample> history = histories.get(deploymentId);
            if (history == null || history.isEmpty() || !history.peekLast().at().isAfter(now.minus(EVERY))) {
                add(deploymentId, new Sample(now, figures));
            }
        });
    }

    private void add(String deploymentId, Sample sample) {
        Deque<Sample> history = histories.computeIfAbsent(deploymentId, id -> new ArrayDeque<>());
        history.addLast(sample);
        int dropped = 0;
        while (history.peekFirst().at().isBefore(sample.at().minus(KEPT))) {
            history.pollFirst();
            dropped++;
        }
        if (deploymentId.equals(shownDeployment)) {
            if (dropped > 0) {
                shown.remove(0, Math.min(dropped, shown.size()));
            }
            shown.add(sample);
            headline.set(headlineOf(sample.figures()));
        }
    }

    /** Shows another deployment's queue. */
    public void show(String deploymentId) {
        shownDeployment = deploymentId;
        Deque<Sample> history = histories.get(deploymentId);
        shown.setAll(history == null ? List.of() : List.copyOf(history));
        QueueFigures now = latest.get(deploymentId);
        headline.set(now == null ? "" : headlineOf(now));
    }

    /** A deployment was removed. */
    public void forget(String deploymentId) {
        histories.remove(deploymentId);
        latest.remove(deploymentId);
    }

    private static String headlineOf(QueueFigures figures) {
        return figures.backlog() + " waiting · " + figures.processing() + " running · " + figures.completedLastMinute() + " done and "
                + figures.failedLastMinute() + " failed in the last minute · " + Percent.ofRate(figures.failureRate15Minutes())
                + " of jobs failed in 15 min";
    }

    /** The shown deployment's samples, oldest first. */
    public ObservableList<Sample> samples() {
        return shown;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }
}
