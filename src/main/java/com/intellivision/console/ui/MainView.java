package com.intellivision.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: the submit bar on top; the Jobs tab (jobs and preview side by side) and
 * the Workers tab, with the queue's actions beside the tabs; the status bar at the bottom; alerts in the
 * corner. Each part is its own FXML file and view; this one only hands each its view model.
 */
public final class MainView {

    static final String FXML = "/fxml/MainView.fxml";

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Tab jobsTab;
    @FXML private Node pausedBanner;
    @FXML private Label pausedNotice;
    @FXML private Button resumeButton;
    @FXML private SubmitBarView submitBarController;
    @FXML private JobListView jobListController;
    @FXML private FramePreviewView previewController;
    @FXML private WorkersView workersController;
    @FXML private QueueToolbarView queueToolbarController;
    @FXML private AlertsView alertsController;
    @FXML private StatusBarView statusBarController;

    /** Loads the window's content and binds it to {@code viewModel}; call on the FX thread. */
    public static MainView load(MainViewModel viewModel) {
        URL location = Objects.requireNonNull(MainView.class.getResource(FXML), FXML + " is missing from the class path");
        FXMLLoader loader = new FXMLLoader(location);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + FXML, e);
        }
        MainView view = loader.getController();
        view.bind(viewModel);
        return view;
    }

    private void bind(MainViewModel viewModel) {
        submitBarController.bind(viewModel.submitBar(), viewModel::submit);
        jobListController.bind(viewModel.jobList(), viewModel.jobActions());
        previewController.bind(viewModel.preview(), viewModel.jobActions(), viewModel.attempts(), viewModel.scrubBar());
        workersController.bind(viewModel.workers());
        queueToolbarController.bind(viewModel.bulkActions(), viewModel.poolControl());
        statusBarController.bind(viewModel.statusBar(), viewModel.queueHealth());
        alertsController.bind(viewModel.alerts(), jobId -> {
            tabs.getSelectionModel().select(jobsTab);
            viewModel.showJob(jobId);
        });
        bindPausedBanner(viewModel.poolControl());
    }

    /** While dispatch is paused a banner says so across the window, with the way out beside it. */
    private void bindPausedBanner(PoolControlViewModel pool) {
        pausedBanner.visibleProperty().bind(pool.pausedProperty());
        pausedBanner.managedProperty().bind(pausedBanner.visibleProperty());
        pausedNotice.setText(PoolControlViewModel.PAUSED_NOTICE);
        resumeButton.disableProperty().bind(pool.switchingProperty());
        resumeButton.setOnAction(event -> pool.togglePause());
    }

    public Parent root() {
        return root;
    }

    /** Stops the view's own timers; the view model is closed separately. */
    public void close() {
        jobListController.close();
        alertsController.close();
    }
}
