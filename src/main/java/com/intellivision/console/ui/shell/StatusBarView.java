package com.intellivision.console.ui.shell;

import com.intellivision.console.ui.queue.QueueHealthViewModel;
import javafx.css.PseudoClass;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The bar along the bottom: the deployment, its workers, the queue's health, the alerts that hold and the workers' memory. */
public final class StatusBarView {

    private static final PseudoClass ALARMING = PseudoClass.getPseudoClass("alarming");

    @FXML private Label deploymentLabel;
    @FXML private Label workersLabel;
    @FXML private Label memoryLabel;
    @FXML private Label problemLabel;
    @FXML private Label alertsLabel;
    @FXML private Node queueHealth;
    @FXML private Label queueCountsLabel;
    @FXML private Label failureRateLabel;

    void bind(StatusBarViewModel viewModel, QueueHealthViewModel queue) {
        deploymentLabel.textProperty().bind(viewModel.deploymentNameProperty());
        workersLabel.textProperty().bind(viewModel.workersSummaryProperty());
        memoryLabel.textProperty().bind(viewModel.memorySummaryProperty());
        memoryLabel.visibleProperty().bind(viewModel.memorySummaryProperty().isNotEmpty());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        Tooltip perWorker = new Tooltip();
        perWorker.textProperty().bind(viewModel.workersDetailsProperty());
        workersLabel.setTooltip(perWorker);
        memoryLabel.setTooltip(perWorker);

        bindQueue(queue);
    }

    /** The alert rules' alerts that still hold, while any does; a click shows them. */
    void showAlerts(ReadOnlyStringProperty active, Runnable open) {
        alertsLabel.textProperty().bind(active);
        alertsLabel.visibleProperty().bind(active.isNotEmpty());
        alertsLabel.managedProperty().bind(alertsLabel.visibleProperty());
        alertsLabel.setOnMouseClicked(click -> open.run());
    }

    private void bindQueue(QueueHealthViewModel queue) {
        queueHealth.visibleProperty().bind(queue.countsProperty().isNotEmpty());
        queueHealth.managedProperty().bind(queueHealth.visibleProperty());
        queueCountsLabel.textProperty().bind(queue.countsProperty());
        failureRateLabel.textProperty().bind(queue.failureRateProperty());
        queue.alarmingProperty().addListener((property, before, alarming) -> failureRateLabel.pseudoClassStateChanged(ALARMING, alarming));
        failureRateLabel.pseudoClassStateChanged(ALARMING, queue.alarmingProperty().get());
        Tooltip meaning = new Tooltip();
        meaning.textProperty().bind(queue.detailsProperty());
        queueCountsLabel.setTooltip(meaning);
        failureRateLabel.setTooltip(meaning);
    }
}
