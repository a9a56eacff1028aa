package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.alerts.AlertsFile;
import com.intellivision.console.ui.common.BackgroundExecutor;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.FxThread;
import com.intellivision.console.ui.common.Links;
import com.intellivision.console.ui.common.FirstUse;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.SettingsFile;
import com.intellivision.console.ui.settings.SettingsViewModel;
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
        return open(stage, catalog, links, null, ConsoleSettings.DEFAULTS.withTheme(Theme.LIGHT));
    }

    /**
     * As above, with the settings {@code loaded} from {@code file} (null: kept for this run only): the
     * theme, the window's size and the deployment shown last.
     */
    static ConsoleSession open(Stage stage, DeploymentCatalog catalog, Links links, SettingsFile file, ConsoleSettings loaded) {
        BackgroundExecutor background = new BackgroundExecutor();
        background.execute(FirstUse::prepare);
        TaskRunner tasks = new TaskRunner(background, FxThread.INSTANCE);
        MainViewModel viewModel = new MainViewModel(catalog, tasks, Clock.systemDefaultZone());
        SettingsViewModel settings = new SettingsViewModel(file, loaded, tasks, viewModel.alerts(), System.getenv());
        if (file != null) {
            viewModel.alerts().keepIn(AlertsFile.in(file.path().toAbsolutePath().getParent()), tasks);
        }
        viewModel.state().timeDisplayProperty().bindBidirectional(settings.timeDisplayProperty());
        MainView view = MainView.load(viewModel, links, settings, file == null ? "this run only" : file.path().toString());
        ConsoleWindow.show(stage, view.root(), loaded, settings.darkProperty().get());
        view.restore(loaded.layout());
        stage.setOnHiding(event -> {
            DeploymentEntry shown = viewModel.deployments().selectedProperty().get();
            settings.windowClosing(stage.getWidth(), stage.getHeight(), stage.isMaximized(), shown == null ? null : shown.id(), view.layout());
        });
        viewModel.start(loaded.lastDeployment());
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
