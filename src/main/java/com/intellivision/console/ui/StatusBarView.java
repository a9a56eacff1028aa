package com.intellivision.console.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The bar along the bottom: the deployment, its workers and their memory. */
public final class StatusBarView {

    @FXML private Label deploymentLabel;
    @FXML private Label workersLabel;
    @FXML private Label memoryLabel;
    @FXML private Label problemLabel;

    void bind(StatusBarViewModel viewModel) {
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
    }
}
