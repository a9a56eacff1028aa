package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.CatalogEditor;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.alerts.AlertsViewModel;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.deployments.DeploymentEditing;
import com.intellivision.console.ui.deployments.DeploymentFormViewModel;
import com.intellivision.console.ui.deployments.DeploymentListViewModel;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Adding, changing and removing the deployments the window lists, through the catalog's editor: a
 * deployment saved is listed, followed and shown; one removed is forgotten by every view.
 */
public final class DeploymentEdits implements DeploymentEditing {

    private final DeploymentCatalog catalog;
    private final TaskRunner tasks;
    private final DeploymentListViewModel deployments;
    private final AlertsViewModel alerts;
    private final Consumer<DeploymentEntry> follow;
    private final Consumer<DeploymentEntry> show;
    private final Consumer<String> forget;

    DeploymentEdits(DeploymentCatalog catalog, TaskRunner tasks, DeploymentListViewModel deployments, AlertsViewModel alerts,
            Consumer<DeploymentEntry> follow, Consumer<DeploymentEntry> show, Consumer<String> forget) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.deployments = deployments;
        this.alerts = alerts;
        this.follow = follow;
        this.show = show;
        this.forget = forget;
    }

    /** Whether people can add, change and remove deployments here. */
    public boolean canEdit() {
        return catalog.editor().isPresent();
    }

    /** The form for a new deployment, or for changing {@code entry}'s; empty where deployments cannot be edited. */
    @Override
    public Optional<DeploymentFormViewModel> deploymentForm(DeploymentEntry entry) {
        return catalog.editor().map(editor -> new DeploymentFormViewModel(tasks, editor,
                entry == null ? null : editor.settingsOf(entry.id()).orElse(null)));
    }

    /** A deployment just saved: listed (in place of its old self if it was changed), followed and shown. */
    @Override
    public void saved(Deployment deployment) {
        Optional<DeploymentEntry> before = deployments.entry(deployment.id());
        before.ifPresent(DeploymentEntry::unsubscribe);
        DeploymentEntry entry = before.isPresent() ? deployments.replace(deployment) : deployments.add(deployment);
        follow.accept(entry);
        deployments.select(entry);
        show.accept(entry);
        alerts.done((before.isPresent() ? "Saved " : "Added ") + deployment.displayName());
    }

    /** Disconnects and forgets a deployment, once people confirmed. */
    @Override
    public void remove(DeploymentEntry entry) {
        Optional<CatalogEditor> editor = catalog.editor();
        if (editor.isEmpty() || entry.isLocal()) {
            return;
        }
        entry.unsubscribe();
        String id = entry.id();
        tasks.perform(() -> editor.get().remove(id), () -> {
            deployments.remove(id);
            forget.accept(id);
            alerts.done("Removed " + entry.nameProperty().get());
        }, failure -> alerts.problem("Could not remove " + entry.nameProperty().get(), failure));
    }
}
