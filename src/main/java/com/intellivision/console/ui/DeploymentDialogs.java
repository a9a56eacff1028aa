package com.intellivision.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.event.ActionEvent;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * Adding, editing and removing deployments, in dialogs over the window. The form saves in the
 * background; the dialog closes once the deployment is saved, and stays open with the reason if not.
 */
final class DeploymentDialogs implements DeploymentListView.Actions {

    static final String FXML = "/fxml/DeploymentForm.fxml";

    private final MainViewModel viewModel;
    private final Node owner;

    DeploymentDialogs(MainViewModel viewModel, Node owner) {
        this.viewModel = viewModel;
        this.owner = owner;
    }

    @Override
    public void add() {
        viewModel.deploymentForm(null).ifPresent(form -> show(form, "Add an IntelliVision server"));
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
        URL location = Objects.requireNonNull(DeploymentDialogs.class.getResource(FXML), FXML + " is missing from the class path");
        FXMLLoader loader = new FXMLLoader(location);
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + FXML, e);
        }
        DeploymentFormView view = loader.getController();
        view.bind(form);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ButtonType save = new ButtonType(form.isNew() ? "Add" : "Save", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, save);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().getStyleClass().add("deployment-dialog");
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveDeploymentButton");
        saveButton.disableProperty().bind(form.completeBinding().not().or(form.workingProperty()));
        // Saving connects in the background: the dialog closes only once it has worked.
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.save(deployment -> {
                viewModel.saved(deployment);
                dialog.setResult(save);
                dialog.close();
            });
        });
        dialog.show();
    }
}
