package com.intellivision.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: the submit bar on top, jobs and preview side by side, the status bar at
 * the bottom. Each part is its own FXML file and view; this one only hands each its view model.
 */
public final class MainView {

    static final String FXML = "/fxml/MainView.fxml";

    @FXML private BorderPane root;
    @FXML private SubmitBarView submitBarController;
    @FXML private JobListView jobListController;
    @FXML private FramePreviewView previewController;
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
        jobListController.bind(viewModel.jobList());
        previewController.bind(viewModel.preview());
        statusBarController.bind(viewModel.statusBar());
    }

    public Parent root() {
        return root;
    }

    /** Stops the view's own timers; the view model is closed separately. */
    public void close() {
        jobListController.close();
    }
}
