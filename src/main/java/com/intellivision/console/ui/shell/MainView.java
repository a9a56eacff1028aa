package com.intellivision.console.ui.shell;

import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.ui.alerts.AlertsPanelView;
import com.intellivision.console.ui.alerts.AlertsView;
import com.intellivision.console.ui.common.FxmlViews;
import com.intellivision.console.ui.common.Links;
import com.intellivision.console.ui.common.RegionClips;
import com.intellivision.console.ui.common.StyleClasses;
import com.intellivision.console.ui.deployments.DeploymentDialogs;
import com.intellivision.console.ui.deployments.DeploymentListView;
import com.intellivision.console.ui.deployments.DeploymentListViewModel;
import com.intellivision.console.ui.firstrun.FirstRunView;
import com.intellivision.console.ui.jobs.JobListView;
import com.intellivision.console.ui.preview.FramePreviewView;
import com.intellivision.console.ui.queue.PoolControlViewModel;
import com.intellivision.console.ui.queue.QueueToolbarView;
import com.intellivision.console.ui.queue.QueueView;
import com.intellivision.console.ui.settings.SettingsView;
import com.intellivision.console.ui.settings.SettingsViewModel;
import com.intellivision.console.ui.settings.WindowLayout;
import com.intellivision.console.ui.submit.SubmitBarView;
import com.intellivision.console.ui.workers.WorkersView;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: the deployment list on the left; the submit bar on top; the Jobs tab
 * (jobs, or the first-run guide while the local pool has none, and the preview side by side), the Workers, Queue and Alerts tabs, with the queue's actions beside the tabs; the
 * status bar at the bottom; alerts in the corner. Each part is its own FXML file and view; this one
 * only hands each its view model.
 */
public final class MainView {

    static final String FXML = "/fxml/shell/MainView.fxml";

    @FXML private BorderPane root;
    @FXML private StackPane workspace;
    @FXML private TabPane tabs;
    @FXML private SplitPane workArea;
    @FXML private Tab jobsTab;
    @FXML private Tab workersTab;
    @FXML private Node pausedBanner;
    @FXML private Label pausedNotice;
    @FXML private Button resumeButton;
    @FXML private Node connectionBanner;
    @FXML private FontIcon connectionIcon;
    @FXML private Label connectionNotice;
    @FXML private DeploymentListView deploymentListController;
    @FXML private SubmitBarView submitBarController;
    @FXML private Node jobList;
    @FXML private JobListView jobListController;
    @FXML private FirstRunView firstRunController;
    @FXML private FramePreviewView previewController;
    @FXML private WorkersView workersController;
    @FXML private QueueToolbarView queueToolbarController;
    @FXML private QueueView queueController;
    @FXML private AlertsView alertsController;
    @FXML private NotificationPane ruleNotices;
    @FXML private AlertsPanelView alertsPanelController;
    @FXML private Tab alertsTab;
    @FXML private StatusBarView statusBarController;
    @FXML private SettingsView settingsController;

    /** Loads the window's content and binds it to {@code viewModel}; call on the FX thread. */
    public static MainView load(MainViewModel viewModel, Links links, SettingsViewModel settings, String settingsSavedIn) {
        MainView view = FxmlViews.<MainView>load(FXML).controller();
        view.bind(viewModel, links);
        view.settingsController.bind(settings, settingsSavedIn);
        view.settingsController.onAlertRules(() -> view.tabs.getSelectionModel().select(view.alertsTab));
        return view;
    }

    /** Where the jobs and the preview divide and which tab shows, as people left them. */
    WindowLayout layout() {
        double[] dividers = workArea.getDividerPositions();
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        return new WindowLayout(dividers.length == 0 ? 0 : dividers[0], shown == null ? null : shown.getId());
    }

    /** Lays the window out as {@code saved} says; call once it shows, so the divider has a width to divide. */
    void restore(WindowLayout saved) {
        if (saved.hasSplitPosition()) {
            workArea.setDividerPositions(saved.splitPosition());
        }
        tabs.getTabs().stream().filter(tab -> tab.getId() != null && tab.getId().equals(saved.tab())).findFirst()
                .ifPresent(tabs.getSelectionModel()::select);
    }

    private void bind(MainViewModel viewModel, Links links) {
        // Alert cards reach past the workspace while they are laid out (a long line before it wraps, more cards than fit):
        // that would change the whole window's bounds, and each time it does the renderer repaints all of it.
        RegionClips.clipToEdges(workspace);
        submitBarController.bind(viewModel.submitBar(), viewModel::submit, viewModel::regionEditor);
        jobListController.bind(viewModel.jobList(), viewModel.jobActions(), viewModel.jobTools().filter(), viewModel.jobTools().export());
        firstRunController.bind(viewModel.firstRun());
        // A sample video's path just put in the field: Enter there submits it.
        viewModel.firstRun().sampleVideoProperty().addListener((property, before, video) -> {
            if (video != null) {
                submitBarController.focusSource();
            }
        });
        jobList.visibleProperty().bind(viewModel.firstRun().shownProperty().not());
        previewController.bind(viewModel.preview(), viewModel.jobActions(), viewModel.attempts(), viewModel.scrubBar(), viewModel.jobTools().details(),
                viewModel.jobTools().frameFile(), links);
        workersController.bind(viewModel.workers());
        workersController.drawChartWhile(workersTab.selectedProperty());
        // A job's band clicked on the Workers tab: the job is selected and shown where its details are.
        viewModel.workers().onJobChosen(job -> {
            tabs.getSelectionModel().select(jobsTab);
            viewModel.showJob(job);
        });
        queueToolbarController.bind(viewModel.bulkActions(), viewModel.poolControl());
        queueController.bind(viewModel.queueHistory(), ZoneId.systemDefault());
        statusBarController.bind(viewModel.statusBar(), viewModel.queueHealth());
        alertsController.bind(viewModel.alerts(), alert -> {
            if (alert.hasJob()) {
                tabs.getSelectionModel().select(jobsTab);
                viewModel.showJob(alert.job());
            } else {
                viewModel.showDeployment(alert.deploymentId());
            }
        }, ruleNotices, viewModel::showDeployment);
        alertsPanelController.bind(viewModel.alerts().rulesEditor(), viewModel.alerts().rules().history(), ZoneId.systemDefault(),
                viewModel::showDeployment);
        statusBarController.showAlerts(viewModel.alerts().rules().activeProperty(), () -> tabs.getSelectionModel().select(alertsTab));
        deploymentListController.bind(viewModel.deployments(), new DeploymentDialogs(viewModel.deploymentEdits(), root), viewModel.deploymentEdits().canEdit());
        bindPausedBanner(viewModel.poolControl());
        bindConnectionBanner(viewModel.deployments());
        acceptDroppedVideos(viewModel);
        SelectedTabContent.keepOnlySelected(tabs);
    }

    /** A video file or a link dropped anywhere on the window goes into the submit bar, checked as if typed. */
    private void acceptDroppedVideos(MainViewModel viewModel) {
        root.setOnDragOver(event -> {
            Dragboard dropped = event.getDragboard();
            if (dropped.hasFiles() || dropped.hasUrl() || dropped.hasString()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            Dragboard dropped = event.getDragboard();
            Optional<String> source = DroppedSource.of(dropped.hasFiles() ? dropped.getFiles() : List.of(),
                    dropped.hasUrl() ? dropped.getUrl() : null, dropped.hasString() ? dropped.getString() : null);
            source.ifPresent(viewModel.submitBar().urlProperty()::set);
            event.setDropCompleted(source.isPresent());
            event.consume();
        });
    }

    /** While the deployment shown cannot be reached or is busy, a banner says so, and what the console does about it. */
    private void bindConnectionBanner(DeploymentListViewModel deployments) {
        connectionBanner.visibleProperty().bind(deployments.bannerProperty().isNotEmpty());
        connectionBanner.managedProperty().bind(connectionBanner.visibleProperty());
        connectionNotice.textProperty().bind(deployments.bannerProperty());
        deployments.bannerStateProperty().addListener((property, before, state) -> showConnectionState(state));
        showConnectionState(deployments.bannerStateProperty().get());
    }

    private void showConnectionState(ConnectionState state) {
        StyleClasses.set(connectionBanner, "connection-banner", "banner-" + state.name().toLowerCase(Locale.ROOT));
        connectionIcon.setIconLiteral(state == ConnectionState.BUSY ? "fth-clock" : "fth-wifi-off");
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
        submitBarController.close();
        alertsController.close();
        queueController.close();
    }
}
