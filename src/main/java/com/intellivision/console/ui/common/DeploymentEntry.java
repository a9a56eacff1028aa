package com.intellivision.console.ui.common;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.QueueFigures;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One deployment in the deployment list: its name, its health dot and reason, and a one-line summary
 * of its queue, kept current by its events whether it is the one shown or not.
 */
public final class DeploymentEntry {

    private final Deployment deployment;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyObjectWrapper<ConnectionState> health = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTED);
    private final ReadOnlyStringWrapper healthReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyObjectWrapper<QueueFigures> figures = new ReadOnlyObjectWrapper<>(QueueFigures.EMPTY);
    private Instant healthSince = Instant.EPOCH;
    private Deployment.Subscription subscription;
    private int backlogThreshold;
    /** Whether an event told of the queue or the connection, making what was read at start stale. */
    private boolean figuresReported;
    private boolean connectionReported;

    public DeploymentEntry(Deployment deployment) {
        this.deployment = deployment;
        this.name = new ReadOnlyStringWrapper(deployment.displayName());
    }

    public Deployment deployment() {
        return deployment;
    }

    public String id() {
        return deployment.id();
    }

    public Capabilities capabilities() {
        return deployment.capabilities();
    }

    public boolean isLocal() {
        return Deployment.LOCAL_ID.equals(id());
    }

    public void showConnection(ConnectionChanged change) {
        health.set(change.state());
        healthReason.set(change.reason() == null ? "" : change.reason());
        healthSince = change.since();
        refreshSummary();
    }

    public void showFigures(QueueFigures latest) {
        figures.set(latest);
        refreshSummary();
    }

    public void markFiguresReported() {
        figuresReported = true;
    }

    public boolean figuresReported() {
        return figuresReported;
    }

    public void markConnectionReported() {
        connectionReported = true;
    }

    public boolean connectionReported() {
        return connectionReported;
    }

    public void setBacklogThreshold(int threshold) {
        backlogThreshold = threshold;
    }

    /** Alert when more jobs than this wait. */
    public int backlogThreshold() {
        return backlogThreshold;
    }

    void rename(String newName) {
        name.set(newName);
    }

    private void refreshSummary() {
        summary.set(switch (health.get()) {
            case DOWN -> "Unreachable";
            case BUSY -> "Busy · " + queueOf(figures.get());
            case DEGRADED -> "Slow · " + queueOf(figures.get());
            case CONNECTED -> queueOf(figures.get());
        });
    }

    /** "3 pending · 1 running", or "Idle". */
    static String queueOf(QueueFigures figures) {
        if (figures.backlog() == 0 && figures.processing() == 0) {
            return "Idle";
        }
        return figures.backlog() + " waiting · " + figures.processing() + " running";
    }

    public void subscribed(Deployment.Subscription opened) {
        subscription = opened;
    }

    /** Stops listening to the deployment; its rows stay until it is forgotten. */
    public void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** Why the deployment is not connected, for people; empty while it is. */
    public ReadOnlyStringProperty healthReasonProperty() {
        return healthReason.getReadOnlyProperty();
    }

    /** When the deployment entered its current health, e.g. when contact was lost. */
    public Instant healthSince() {
        return healthSince;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueueFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "DeploymentEntry[" + id() + "]";
    }
}
