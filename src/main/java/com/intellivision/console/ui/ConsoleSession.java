package com.intellivision.console.ui;

import com.intellivision.console.deployment.Deployment;
import java.time.Clock;
import javafx.stage.Stage;

/**
 * One open console: the window's view and view model on a deployment, and the background threads they
 * use. The application opens one; tests open one on a deployment of their choosing.
 */
final class ConsoleSession {

    private final BackgroundExecutor background;
    private final MainViewModel viewModel;
    private final MainView view;

    private ConsoleSession(BackgroundExecutor background, MainViewModel viewModel, MainView view) {
        this.background = background;
        this.viewModel = viewModel;
        this.view = view;
    }

    /** Shows the console in {@code stage} and starts loading from {@code deployment}; call on the FX thread. */
    static ConsoleSession open(Stage stage, Deployment deployment) {
        BackgroundExecutor background = new BackgroundExecutor();
        MainViewModel viewModel = new MainViewModel(deployment, new TaskRunner(background, FxThread.INSTANCE), Clock.systemDefaultZone());
        MainView view = MainView.load(viewModel);
        ConsoleWindow.show(stage, view.root());
        viewModel.start();
        return new ConsoleSession(background, viewModel, view);
    }

    /** Stops the view's timers; call on the FX thread. */
    void closeView() {
        view.close();
    }

    /** Closes the deployment and the background threads. Blocks until the deployment has closed. */
    void closeDeployment() {
        try {
            viewModel.close();
        } finally {
            background.close();
        }
    }
}
