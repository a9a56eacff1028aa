package com.intellivision.console.ui.deployments;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.ui.common.Confirmation;
import com.intellivision.console.ui.common.DeploymentEntry;
import java.util.Optional;

/** What the deployment dialogs ask of the window: a form, a confirmation, and what to do with the outcome. */
public interface DeploymentEditing {

    /** The form for a new deployment, or for changing {@code entry}'s; empty where deployments cannot be edited. */
    Optional<DeploymentFormViewModel> deploymentForm(DeploymentEntry entry);

    /** A deployment just saved by a form. */
    void saved(Deployment deployment);

    /** What to ask before removing a deployment. */
    default Confirmation removeConfirmation(DeploymentEntry entry) {
        String name = entry.nameProperty().get();
        return new Confirmation("Remove " + name, "Stop watching " + name + "?",
                "The console forgets its address, its tokens and what it knew of its jobs. Nothing changes on the server: its jobs go on,"
                        + " and adding it again shows them again.", "Remove", "Keep it");
    }

    /** Disconnects and forgets a deployment, once people confirmed. */
    void remove(DeploymentEntry entry);
}
