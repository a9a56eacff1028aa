package com.intellivision.console.ui.queue;

import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Percent;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The queue's health in the status bar, e.g. "12 pending · 2 running · 30 done/min · 1 failed/min" and
 * "3 % failed (15 min)", the latter marked when it reaches {@link Percent#ALARMING_FAILURE_RATE}.
 */
public final class QueueHealthViewModel {

    /** One job in five failing is more than bad input; something is wrong with the pool or the network. */

    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureRate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper alarming = new ReadOnlyBooleanWrapper(false);
    private final Map<String, QueueFigures> figuresByDeployment = new HashMap<>();
    private String shown;

    /** Speaks of another deployment's queue from now on; nothing until its figures are known. */
    public void show(String deploymentId) {
        shown = deploymentId;
        QueueFigures figures = figuresByDeployment.get(deploymentId);
        if (figures == null) {
            counts.set("");
            failureRate.set("");
            alarming.set(false);
            details.set("");
        } else {
            display(figures);
        }
    }

    /** Takes the queues' figures from now on. */
    public void listenTo(ConsoleEvents events) {
        events.on(QueueChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.figures()));
    }

    public void apply(String deploymentId, QueueFigures figures) {
        figuresByDeployment.put(deploymentId, figures);
        if (deploymentId.equals(shown)) {
            display(figures);
        }
    }

    private void display(QueueFigures figures) {
        String broker = figures.brokerQueued() == QueueFigures.UNKNOWN ? "" : " · " + figures.brokerQueued() + " in broker";
        counts.set(figures.pending() + " pending · " + figures.processing() + " running · "
                + figures.completedLastMinute() + " done/min · " + figures.failedLastMinute() + " failed/min" + broker);
        failureRate.set(Percent.ofRate(figures.failureRate15Minutes()) + " failed (15 min)");
        alarming.set(Percent.isAlarmingFailureRate(figures.failureRate15Minutes()));
        details.set(detailsOf(figures));
    }

    private static String detailsOf(QueueFigures figures) {
        String text = "Pending and running jobs now; completed and failed jobs in the last minute;\n"
                + "the share of jobs that failed among those that ended in the last 15 minutes.";
        if (figures.deadLetters() > 0) {
            text += "\n" + figures.deadLetters() + (figures.deadLetters() == 1 ? " job" : " jobs")
                    + " failed for good after using up their automatic retries (dead letters).";
        }
        return text;
    }

    /** The whole line, as one text. */
    public String summary() {
        return counts.get() + " · " + failureRate.get();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureRateProperty() {
        return failureRate.getReadOnlyProperty();
    }

    /** What the figures mean, for a tooltip. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The failure rate has reached {@link Percent#ALARMING_FAILURE_RATE}. */
    public ReadOnlyBooleanProperty alarmingProperty() {
        return alarming.getReadOnlyProperty();
    }
}
