package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.common.BackgroundExecutor;
import com.intellivision.console.ui.common.FxThread;
import com.intellivision.console.ui.common.Links;
import com.intellivision.console.ui.common.TaskRunner;
import java.time.Clock;
import javafx.stage.Stage;

/**
 * One open console: the window's view and view model on the console's deployments, and the background
 * threads they use. The application opens one; tests open one on deployments of their choosing.
 */
public final class ConsoleSession {

    private final BackgroundExecutor background;
    private final MainViewModel viewModel;
    private final MainView view;

    private ConsoleSession(BackgroundExecutor background, MainViewModel viewModel, MainView view) {
        this.background = background;
        this.viewModel = viewModel;
        this.view = view;
    }

    /**
     * Shows the console in {@code stage} and starts loading from the deployments of {@code catalog};
     * {@code links} opens what the console links to (a server's output video). Call on the FX thread.
     */
    static ConsoleSession open(Stage stage, DeploymentCatalog catalog, Links links) {
        BackgroundExecutor background = new BackgroundExecutor();
        MainViewModel viewModel = new MainViewModel(catalog, new TaskRunner(background, FxThread.INSTANCE), Clock.systemDefaultZone());
        MainView view = MainView.load(viewModel, links);
        ConsoleWindow.show(stage, view.root());
        viewModel.start();
        return new ConsoleSession(background, viewModel, view);
    }

    MainViewModel viewModel() {
        return viewModel;
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
