package com.intellivision.console.ui.deployments;

import com.intellivision.console.ui.common.ConfirmationDialog;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.FxmlViews;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;

/**
 * Adding, editing and removing deployments, in dialogs over the window. The form saves in the
 * background; the dialog closes once the deployment is saved, and stays open with the reason if not.
 */
public final class DeploymentDialogs implements DeploymentListView.Actions {

    static final String FXML = "/fxml/deployments/DeploymentForm.fxml";

    private final DeploymentEditing viewModel;
    private final Node owner;

    public DeploymentDialogs(DeploymentEditing viewModel, Node owner) {
        this.viewModel = viewModel;
        this.owner = owner;
    }

    @Override
    public void add() {
        viewModel.deploymentForm(null).ifPresent(form -> show(form, "Add a server or a serve"));
    }

    @Override
    public void edit(DeploymentEntry entry) {
        if (entry != null && !entry.isLocal()) {
            viewModel.deploymentForm(entry).ifPresent(form -> show(form, "Edit " + entry.nameProperty().get()));
        }
    }

    @Override
    public void remove(DeploymentEntry entry) {
        if (entry != null && !entry.isLocal() && ConfirmationDialog.confirmed(owner, viewModel.removeConfirmation(entry))) {
            viewModel.remove(entry);
        }
    }

    private void show(DeploymentFormViewModel form, String title) {
        FxmlViews.Loaded<DeploymentFormView> view = FxmlViews.load(FXML);
        view.controller().bind(form);
        FxmlViews.ActionDialog shown = FxmlViews.over(owner, title, view.root(), form.isNew() ? "Add" : "Save", "deployment-dialog");
        Button saveButton = shown.actionButton();
        saveButton.setId("saveDeploymentButton");
        saveButton.disableProperty().bind(form.completeBinding().not().or(form.workingProperty()));
        // Saving connects in the background: the dialog closes only once it has worked.
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.save(deployment -> {
                viewModel.saved(deployment);
                shown.dialog().setResult(shown.action());
                shown.dialog().close();
            });
        });
        shown.dialog().show();
    }
}
