package com.intellivision.console.ui.deployments;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.ui.common.DeploymentEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deployment list on the window's left: the local pool first, then the remote deployments, each
 * with its health and queue; the one selected is what the rest of the window shows.
 */
public final class DeploymentListViewModel {

    private final ObservableList<DeploymentEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<DeploymentEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObjectProperty<DeploymentEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionState> bannerState = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTED);
    private final ZoneId zone;

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    public DeploymentListViewModel(ZoneId zone) {
        this.zone = zone;
        selected.addListener((property, before, entry) -> followHealth(entry));
    }

    /** The banner over the jobs speaks of the deployment shown, while it is not connected. */
    private void followHealth(DeploymentEntry entry) {
        banner.unbind();
        bannerState.unbind();
        if (entry == null) {
            banner.set("");
            bannerState.set(ConnectionState.CONNECTED);
            return;
        }
        bannerState.bind(entry.healthProperty());
        banner.bind(Bindings.createStringBinding(() -> bannerOf(entry), entry.healthProperty(), entry.healthReasonProperty(),
                entry.nameProperty()));
    }

    private String bannerOf(DeploymentEntry entry) {
        String name = entry.nameProperty().get();
        String reason = entry.healthReasonProperty().get();
        String why = reason.isEmpty() ? "." : ": " + reason + (reason.matches(".*[.!?]$") ? "" : ".");
        return switch (entry.healthProperty().get()) {
            case CONNECTED -> "";
            case DOWN -> name + " is unreachable" + why + " Its jobs are shown as last seen at "
                    + CLOCK_TIME.format(entry.healthSince().atZone(zone)) + "; the console keeps trying and catches up by itself.";
            case DEGRADED -> name + " is answering badly" + why + " The console keeps trying.";
            case BUSY -> name + " is at capacity and takes no new jobs for now" + why + " Jobs already there go on.";
        };
    }

    /** Lists a deployment, after those already listed. */
    public DeploymentEntry add(Deployment deployment) {
        DeploymentEntry entry = new DeploymentEntry(deployment);
        entries.add(entry);
        return entry;
    }

    /** Puts {@code replacement} where the entry of the same id was, as when its settings changed. */
    public DeploymentEntry replace(Deployment replacement) {
        DeploymentEntry entry = new DeploymentEntry(replacement);
        int index = indexOf(replacement.id());
        boolean wasSelected = index >= 0 && entries.get(index) == selected.get();
        if (index >= 0) {
            entries.set(index, entry);
        } else {
            entries.add(entry);
        }
        if (wasSelected) {
            selected.set(entry);
        }
        return entry;
    }

    /** Takes a deployment off the list; the local pool is shown if it was the one shown. */
    public void remove(String deploymentId) {
        int index = indexOf(deploymentId);
        if (index < 0) {
            return;
        }
        DeploymentEntry removed = entries.remove(index);
        if (removed == selected.get()) {
            selectFirst();
        }
    }

    public void selectFirst() {
        if (!entries.isEmpty()) {
            selected.set(entries.get(0));
        }
    }

    public void select(DeploymentEntry entry) {
        selected.set(entry);
    }

    public Optional<DeploymentEntry> entry(String deploymentId) {
        int index = indexOf(deploymentId);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index));
    }

    /** Where a deployment's jobs are, for titles: "" for the local pool, " on prod" for one called prod. */
    public String placeOf(String deploymentId) {
        return entry(deploymentId).filter(entry -> !entry.isLocal()).map(entry -> " on " + entry.nameProperty().get()).orElse("");
    }

    private int indexOf(String deploymentId) {
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index).id().equals(deploymentId)) {
                return index;
            }
        }
        return -1;
    }

    /** The deployments, the local pool first. */
    public ObservableList<DeploymentEntry> entries() {
        return readOnlyEntries;
    }

    /** What the window says over the jobs while the deployment shown is not connected; empty while it is. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> bannerStateProperty() {
        return bannerState.getReadOnlyProperty();
    }

    /** The deployment the window shows; the list writes it when a person selects one. */
    public ObjectProperty<DeploymentEntry> selectedProperty() {
        return selected;
    }
}
