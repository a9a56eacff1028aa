package com.intellivision.console.ui.workers;

import atlantafx.base.theme.Styles;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.ui.common.StyleClasses;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Window;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Workers tab: the workers table with each one's current job, the machine's memory, and the memory
 * chart with its choice of window, zoom, and export as CSV or PNG.
 */
public final class WorkersView {

    private static final double ROW_HEIGHT = 38;
    /** The column headers and the table's border. */
    private static final double HEADER_HEIGHT = 48;
    private static final int MIN_ROWS = 2;
    private static final int MAX_ROWS = 8;

    @FXML private Node unavailablePane;
    @FXML private Label unavailableReason;
    @FXML private Node workersPane;
    @FXML private Label chartTitle;
    @FXML private TableColumn<WorkerRow, WorkerRow> processesColumn;
    @FXML private TableView<WorkerRow> workersTable;
    @FXML private TableColumn<WorkerRow, String> nameColumn;
    @FXML private TableColumn<WorkerRow, String> pidColumn;
    @FXML private TableColumn<WorkerRow, WorkerRow> stateColumn;
    @FXML private TableColumn<WorkerRow, WorkerRow> jobColumn;
    @FXML private TableColumn<WorkerRow, String> memoryColumn;
    @FXML private TableColumn<WorkerRow, String> peakColumn;
    @FXML private ToggleGroup windowChoice;
    @FXML private ToggleButton fiveMinutesButton;
    @FXML private ToggleButton fifteenMinutesButton;
    @FXML private ToggleButton oneHourButton;
    @FXML private ToggleButton allButton;
    @FXML private Button liveButton;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPictureButton;
    @FXML private Label machineMemory;
    @FXML private Label limits;
    @FXML private StackPane chartHolder;
    private MemoryChartView chart;

    /** The memory chart draws only while {@code visible} holds, such as while its tab is selected. */
    public void drawChartWhile(ObservableBooleanValue visible) {
        chart.drawWhile(visible);
    }

    public void bind(WorkersViewModel viewModel) {
        showText(nameColumn, WorkerRow::name);
        showText(pidColumn, WorkerRow::pidText);
        jobColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        showText(memoryColumn, WorkerRow::memoryText);
        showText(peakColumn, WorkerRow::peakText);
        stateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        stateColumn.setCellFactory(column -> new WorkerStateCell());
        processesColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        processesColumn.setCellFactory(column -> new ProcessesCell(viewModel));
        processesColumn.visibleProperty().bind(viewModel.resizableProperty());
        workersTable.setItems(viewModel.rows());
        jobColumn.setCellFactory(column -> new CurrentJobCell(viewModel));
        workersPane.visibleProperty().bind(viewModel.availableProperty());
        unavailablePane.visibleProperty().bind(viewModel.availableProperty().not());
        unavailableReason.textProperty().bind(viewModel.unavailableReasonProperty());
        chartTitle.textProperty().bind(viewModel.chartTitleProperty());
        // A Celery worker's figure is already its peak: one column says so, a second would repeat it.
        memoryColumn.textProperty().bind(Bindings.when(viewModel.residentMemoryProperty()).then("Memory (RSS)").otherwise("Peak RSS"));
        peakColumn.visibleProperty().bind(viewModel.residentMemoryProperty());
        fitTableToRows(viewModel);
        bindChart(viewModel, ZoneId.systemDefault());
    }

    private void bindChart(WorkersViewModel viewModel, ZoneId zone) {
        MemoryChartViewModel model = viewModel.memoryChart();
        chart = new MemoryChartView(model, zone);
        chartHolder.getChildren().setAll(chart.node());
        machineMemory.textProperty().bind(viewModel.machineMemoryProperty());
        limits.textProperty().bind(viewModel.limitsTextProperty());
        limits.visibleProperty().bind(viewModel.limitsTextProperty().isNotEmpty());
        limits.managedProperty().bind(limits.visibleProperty());

        fiveMinutesButton.setUserData(Window.FIVE_MINUTES);
        fifteenMinutesButton.setUserData(Window.FIFTEEN_MINUTES);
        oneHourButton.setUserData(Window.ONE_HOUR);
        allButton.setUserData(Window.ALL);
        windowChoice.getToggles().stream().filter(toggle -> toggle.getUserData() == model.windowProperty().get()).findFirst()
                .ifPresent(windowChoice::selectToggle);
        windowChoice.selectedToggleProperty().addListener((property, before, after) -> {
            if (after == null) {
                // One window is always chosen: clicking the chosen one again keeps it.
                windowChoice.selectToggle(before);
            } else {
                model.windowProperty().set((Window) after.getUserData());
                chart.backToLive();
            }
        });
        liveButton.disableProperty().bind(chart.liveProperty());
        liveButton.setOnAction(event -> chart.backToLive());
        liveButton.setTooltip(new Tooltip("Back to the live window (or double-click the chart). Drag across the chart or scroll to zoom"
                + " into a stretch of time, right-click to zoom back out; drag with the middle button or with Ctrl to pan."));

        exportCsvButton.disableProperty().bind(viewModel.exportingProperty());
        exportCsvButton.setTooltip(new Tooltip("Save the samples of the time shown as CSV: time (UTC), worker, MiB"));
        exportCsvButton.setOnAction(event -> chooseFile("Export the memory samples shown", "worker-memory.csv", "CSV files", "*.csv")
                .ifPresent(target -> {
                    double[] range = chart.shownRange();
                    viewModel.exportCsv(target, range[0], range[1]);
                }));
        exportPictureButton.disableProperty().bind(viewModel.exportingProperty());
        exportPictureButton.setTooltip(new Tooltip("Save the chart as it is shown as a PNG picture"));
        exportPictureButton.setOnAction(event -> chooseFile("Save the memory chart", "worker-memory.png", "PNG pictures", "*.png")
                .ifPresent(target -> viewModel.exportPicture(target, chart.picture())));
    }

    private Optional<Path> chooseFile(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File target = chooser.showSaveDialog(chartHolder.getScene().getWindow());
        return Optional.ofNullable(target).map(File::toPath);
    }

    /** As tall as its workers, within bounds: a small pool leaves the chart the room, a large one scrolls. */
    private void fitTableToRows(WorkersViewModel viewModel) {
        workersTable.setFixedCellSize(ROW_HEIGHT);
        workersTable.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER_HEIGHT + ROW_HEIGHT * Math.max(MIN_ROWS, Math.min(MAX_ROWS, viewModel.rows().size())),
                viewModel.rows()));
    }

    private static void showText(TableColumn<WorkerRow, String> column, Function<WorkerRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    /** A Celery worker's pool of processes, with buttons to grow or shrink it by one. */
    private static final class ProcessesCell extends TableCell<WorkerRow, WorkerRow> {

        private final Label count = new Label();
        private final Button shrink = new Button(null, new FontIcon("fth-minus"));
        private final Button grow = new Button(null, new FontIcon("fth-plus"));
        private final HBox box = new HBox(shrink, count, grow);

        ProcessesCell(WorkersViewModel viewModel) {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            box.getStyleClass().add("processes-cell");
            shrink.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "shrink-button");
            grow.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "grow-button");
            shrink.setTooltip(new Tooltip("One process fewer in this worker's pool"));
            grow.setTooltip(new Tooltip("One process more in this worker's pool"));
            shrink.setOnAction(event -> viewModel.resize(getItem(), -1));
            grow.setOnAction(event -> viewModel.resize(getItem(), 1));
        }

        @Override
        protected void updateItem(WorkerRow worker, boolean empty) {
            super.updateItem(worker, empty);
            if (empty || worker == null) {
                setGraphic(null);
                return;
            }
            count.setText(worker.processesText());
            shrink.setDisable(worker.processes() <= 1);
            setGraphic(box);
        }
    }

    /** The job a worker runs, as a link that shows it; plain text when it runs none known by number. */
    private static final class CurrentJobCell extends TableCell<WorkerRow, WorkerRow> {

        private final Hyperlink link = new Hyperlink();

        CurrentJobCell(WorkersViewModel viewModel) {
            link.getStyleClass().add("current-job-link");
            link.setTooltip(new Tooltip("Show this job"));
            link.setOnAction(event -> viewModel.chooseCurrentJob(getItem()));
        }

        @Override
        protected void updateItem(WorkerRow worker, boolean empty) {
            super.updateItem(worker, empty);
            if (empty || worker == null) {
                setText(null);
                setGraphic(null);
            } else if (worker.jobId() == WorkerInfo.NO_JOB) {
                setText(worker.jobText());
                setGraphic(null);
            } else {
                link.setText(worker.jobText());
                setText(null);
                setGraphic(link);
            }
        }
    }

    /** A worker's state as a coloured pill, like a job's status. */
    private static final class WorkerStateCell extends TableCell<WorkerRow, WorkerRow> {

        private final Label badge = new Label();

        WorkerStateCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(WorkerRow worker, boolean empty) {
            super.updateItem(worker, empty);
            if (empty || worker == null) {
                setGraphic(null);
                return;
            }
            badge.setText(worker.stateText());
            StyleClasses.set(badge, "label", "status-badge", worker.stateStyleClass());
            setGraphic(badge);
        }
    }
}
