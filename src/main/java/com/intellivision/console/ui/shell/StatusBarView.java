package com.intellivision.console.ui.shell;

import com.intellivision.console.ui.queue.QueueHealthViewModel;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The bar along the bottom: the deployment, its workers, the queue's health and the workers' memory. */
public final class StatusBarView {

    private static final PseudoClass ALARMING = PseudoClass.getPseudoClass("alarming");

    @FXML private Label deploymentLabel;
    @FXML private Label workersLabel;
    @FXML private Label memoryLabel;
    @FXML private Label problemLabel;
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
