package com.intellivision.console.ui.deployments;

import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.HealthText;
import com.intellivision.console.ui.common.StyleClasses;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The deployment list: a health dot, the name and a line about the queue per deployment. */
public final class DeploymentListView {

    @FXML private ListView<DeploymentEntry> deploymentsList;
    @FXML private Button addButton;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private Node footer;

    /** What the buttons do; the dialogs belong to the window. */
    interface Actions {
        void add();

        void edit(DeploymentEntry entry);

        void remove(DeploymentEntry entry);
    }

    /** @param editable whether deployments can be added, changed and removed; the buttons are hidden otherwise */
    public void bind(DeploymentListViewModel viewModel, Actions actions, boolean editable) {
        addButton.setVisible(editable);
        footer.setVisible(editable);
        footer.setManaged(editable);
        deploymentsList.setItems(viewModel.entries());
        deploymentsList.setCellFactory(list -> new EntryCell());
        deploymentsList.getSelectionModel().selectedItemProperty().addListener((property, before, entry) -> {
            if (entry != null) {
                viewModel.select(entry);
            }
        });
        viewModel.selectedProperty().addListener((property, before, entry) -> {
            if (entry != null && deploymentsList.getSelectionModel().getSelectedItem() != entry) {
                deploymentsList.getSelectionModel().select(entry);
            }
        });
        if (viewModel.selectedProperty().get() != null) {
            deploymentsList.getSelectionModel().select(viewModel.selectedProperty().get());
        }
        addButton.setOnAction(event -> actions.add());
        editButton.setOnAction(event -> actions.edit(viewModel.selectedProperty().get()));
        removeButton.setOnAction(event -> actions.remove(viewModel.selectedProperty().get()));
        // The local pool is part of the console: it can be neither edited nor removed.
        editButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.selectedProperty().get() == null || viewModel.selectedProperty().get().isLocal(), viewModel.selectedProperty()));
        removeButton.disableProperty().bind(editButton.disableProperty());
    }

    /** One deployment: its health as a coloured dot, its name, its queue or why it cannot be reached. */
    private static final class EntryCell extends ListCell<DeploymentEntry> {

        private final Region dot = new Region();
        private final FontIcon kind = new FontIcon();
        private final Label name = new Label();
        private final Label summary = new Label();
        private final Tooltip tooltip = new Tooltip();
        private final HBox content;
        private final InvalidationListener refreshHealth = observable -> showHealth(getItem());
        private DeploymentEntry watched;

        EntryCell() {
            dot.getStyleClass().add("health-dot");
            kind.getStyleClass().add("deployment-kind");
            name.getStyleClass().add("deployment-name");
            summary.getStyleClass().add("deployment-summary");
            VBox text = new VBox(name, summary);
            text.getStyleClass().add("deployment-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            content = new HBox(dot, text, kind);
            content.getStyleClass().add("deployment-cell");
        }

        @Override
        protected void updateItem(DeploymentEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            name.textProperty().unbind();
            summary.textProperty().unbind();
            if (watched != null) {
                watched.healthProperty().removeListener(refreshHealth);
                watched.healthReasonProperty().removeListener(refreshHealth);
                watched = null;
            }
            if (empty || entry == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.textProperty().bind(entry.nameProperty());
            summary.textProperty().bind(entry.summaryProperty());
            kind.setIconLiteral(entry.isLocal() ? "fth-cpu" : "fth-server");
            watched = entry;
            entry.healthProperty().addListener(refreshHealth);
            entry.healthReasonProperty().addListener(refreshHealth);
            showHealth(entry);
            setGraphic(content);
            setTooltip(tooltip);
        }

        private void showHealth(DeploymentEntry entry) {
            if (entry == null) {
                return;
            }
            ConnectionState state = entry.healthProperty().get();
            StyleClasses.set(dot, "health-dot", "health-" + state.name().toLowerCase(Locale.ROOT));
            String reason = entry.healthReasonProperty().get();
            tooltip.setText(HealthText.of(state) + (reason.isEmpty() ? "" : "\n" + reason));
        }
    }
}
