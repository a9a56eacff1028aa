package com.intellivision.console.ui;

import java.util.Comparator;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/** The jobs table: newest first, a status badge per job, ages that tick without asking the engine. */
public final class JobListView {

    private static final Duration AGE_TICK = Duration.seconds(1);

    @FXML private TableView<JobRow> jobsTable;
    @FXML private TableColumn<JobRow, Long> idColumn;
    @FXML private TableColumn<JobRow, String> typeColumn;
    @FXML private TableColumn<JobRow, String> urlColumn;
    @FXML private TableColumn<JobRow, StatusBadge> statusColumn;
    @FXML private TableColumn<JobRow, String> ageColumn;

    private Timeline ageClock;

    void bind(JobListViewModel viewModel) {
        idColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().id()));
        typeColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().job().type().displayName()));
        urlColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().job().youtubeUrl()));
        urlColumn.setCellFactory(column -> new SourceCell());
        statusColumn.setCellValueFactory(cell -> cell.getValue().statusProperty());
        statusColumn.setCellFactory(column -> new StatusBadgeCell());
        statusColumn.setComparator(Comparator.comparing(StatusBadge::status));
        ageColumn.setCellValueFactory(cell -> cell.getValue().ageProperty());
        // "3 min" sorts wrongly as text, and newest first is what the id column gives anyway.
        ageColumn.setSortable(false);

        // Sorting by a column sorts this view of the rows; the model keeps its own order.
        SortedList<JobRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(jobsTable.comparatorProperty());
        jobsTable.setItems(sorted);
        followSelection(viewModel);

        ageClock = new Timeline(new KeyFrame(AGE_TICK, tick -> viewModel.refreshAges()));
        ageClock.setCycleCount(Animation.INDEFINITE);
        ageClock.play();
    }

    /** Keeps the table's selection and the model's selected row the same, whichever side changes. */
    private void followSelection(JobListViewModel viewModel) {
        jobsTable.getSelectionModel().selectedItemProperty().addListener((property, before, row) -> {
            if (row != null) {
                viewModel.selectedRowProperty().set(row);
            }
        });
        viewModel.selectedRowProperty().addListener((property, before, row) -> {
            if (row == null) {
                jobsTable.getSelectionModel().clearSelection();
            } else if (jobsTable.getSelectionModel().getSelectedItem() != row) {
                jobsTable.getSelectionModel().select(row);
                jobsTable.scrollTo(row);
            }
        });
    }

    void close() {
        if (ageClock != null) {
            ageClock.stop();
        }
    }
}
