package com.intellivision.console.ui.jobs;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobType;
import com.intellivision.console.ui.common.JobActionPrompts;
import com.intellivision.console.ui.common.JobActionsViewModel;
import com.intellivision.console.ui.common.JobKinds;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.RetryEditDialog;
import com.intellivision.console.ui.common.Shortcuts;
import com.intellivision.console.ui.common.SourceCell;
import com.intellivision.console.ui.common.StatusBadge;
import com.intellivision.console.ui.common.StatusBadgeCell;
import com.intellivision.console.ui.jobs.JobFilter.StatusChoice;
import java.util.Comparator;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The jobs table: newest first, a status badge per job, ages that tick without asking the engine, and
 * each job's actions in its context menu.
 */
public final class JobListView {

    private static final Duration AGE_TICK = Duration.seconds(1);
    private static final String ANY_KIND = "Any kind";
    private static final String RETRY_WITH_CHANGES = Shortcuts.withKeys("Retry with changes…", Shortcuts.RETRY_WITH_CHANGES);
    private static final String NO_JOBS = "No jobs yet. Paste a URL above and press Submit.";


    @FXML private TableView<JobRow> jobsTable;
    @FXML private TableColumn<JobRow, Long> idColumn;
    @FXML private TableColumn<JobRow, String> typeColumn;
    @FXML private TableColumn<JobRow, String> urlColumn;
    @FXML private TableColumn<JobRow, StatusBadge> statusColumn;
    @FXML private TableColumn<JobRow, String> ageColumn;
    @FXML private TextField searchField;
    @FXML private ComboBox<StatusChoice> statusFilter;
    @FXML private ComboBox<JobType> typeFilter;
    @FXML private Label filterSummary;
    @FXML private Label tablePlaceholder;
    @FXML private Button exportButton;
    @FXML private Button retryWithChangesButton;

    private Timeline ageClock;

    public void bind(JobListViewModel viewModel, JobActionsViewModel actions, JobFilterViewModel filter, JobExport export) {
        bindFilter(filter);
        idColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().id()));
        typeColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(JobKinds.nameOf(cell.getValue().job())));
        urlColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().job().youtubeUrl()));
        urlColumn.setCellFactory(column -> new SourceCell());
        statusColumn.setCellValueFactory(cell -> cell.getValue().statusProperty());
        statusColumn.setCellFactory(column -> new StatusBadgeCell());
        statusColumn.setComparator(Comparator.comparing(StatusBadge::status));
        ageColumn.setCellValueFactory(cell -> cell.getValue().ageProperty());
        ageColumn.textProperty().bind(Bindings.createStringBinding(() -> viewModel.timeDisplay().getValue().label(), viewModel.timeDisplay()));

        // "3 min" sorts wrongly as text, and newest first is what the id column gives anyway.
        ageColumn.setSortable(false);

        // Sorting by a column sorts this view of the rows; the model keeps its own order.
        SortedList<JobRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(jobsTable.comparatorProperty());
        jobsTable.setItems(sorted);
        bindExport(export);
        followSelection(viewModel);
        offerActions(actions);

        ageClock = new Timeline(new KeyFrame(AGE_TICK, tick -> viewModel.refreshAges()));
        ageClock.setCycleCount(Animation.INDEFINITE);
        ageClock.play();
    }


    private void bindFilter(JobFilterViewModel filter) {
        searchField.textProperty().bindBidirectional(filter.textProperty());
        statusFilter.getItems().setAll(StatusChoice.values());
        statusFilter.valueProperty().bindBidirectional(filter.statusProperty());
        typeFilter.setItems(filter.offeredTypes());
        typeFilter.setPromptText(ANY_KIND);
        typeFilter.setButtonCell(new TypeCell());
        typeFilter.setCellFactory(list -> new TypeCell());
        typeFilter.valueProperty().bindBidirectional(filter.typeProperty());
        filterSummary.textProperty().bind(filter.summaryProperty());
        tablePlaceholder.textProperty().bind(Bindings.when(filter.summaryProperty().isEmpty())
                .then(NO_JOBS).otherwise("No job matches the search and filters. Esc clears them."));
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                event.consume();
            }
        });
        Shortcuts.install(searchField, Shortcuts.SEARCH, searchField::requestFocus);
    }

    private void bindExport(JobExport export) {
        exportButton.disableProperty().bind(export.exportingProperty().or(Bindings.isEmpty(jobsTable.getItems())));
        Shortcuts.press(exportButton, Shortcuts.EXPORT);
        exportButton.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the jobs shown");
            chooser.setInitialFileName("jobs.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            java.io.File target = chooser.showSaveDialog(exportButton.getScene().getWindow());
            if (target != null) {
                export.exportShown(target.toPath());
            }
        });
    }

    /** A kind of job by its name; none chosen is any kind. */
    private static final class TypeCell extends ListCell<JobType> {
        @Override
        protected void updateItem(JobType type, boolean empty) {
            super.updateItem(type, empty);
            setText(empty || type == null ? ANY_KIND : type.displayName());
        }
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
                // Chosen elsewhere (a new job, an alert): it alone, not added to rows chosen before.
                jobsTable.getSelectionModel().clearSelection();
                jobsTable.getSelectionModel().select(row);
                jobsTable.scrollTo(row);
            }
        });
    }

    /** Cancel, Retry, Retry with changes and Copy link in each row's context menu, and on their keys for the selected job; several rows may be chosen. */
    private void offerActions(JobActionsViewModel actions) {
        jobsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        jobsTable.setRowFactory(table -> rowWithMenu(table, actions));
        jobsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (Shortcuts.CANCEL.match(event)) {
                JobActionPrompts.cancelSelected(jobsTable, actions);
                event.consume();
            }
        });
        Shortcuts.install(jobsTable, Shortcuts.RETRY, () -> selected().filter(actions::canRetry).ifPresent(actions::retry));
        Shortcuts.install(jobsTable, Shortcuts.COPY_LINK, () -> selected().ifPresent(JobListView::copyLink));
        retryWithChangesButton.disableProperty().bind(actions.canRetrySelectedWithChangesProperty().not());
        retryWithChangesButton.setOnAction(event -> RetryEditDialog.openSelected(jobsTable, actions));
        Shortcuts.press(retryWithChangesButton, Shortcuts.RETRY_WITH_CHANGES);
    }

    private java.util.Optional<JobRow> selected() {
        return java.util.Optional.ofNullable(jobsTable.getSelectionModel().getSelectedItem());
    }

    private static void copyLink(JobRow row) {
        ClipboardContent content = new ClipboardContent();
        content.putString(row.job().youtubeUrl());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static TableRow<JobRow> rowWithMenu(TableView<JobRow> table, JobActionsViewModel actions) {
        TableRow<JobRow> row = new TableRow<>();
        // The keys are named, not set as the items' accelerators: each row's menu would claim them for its own job.
        MenuItem cancel = new MenuItem(Shortcuts.withKeys("Cancel job", Shortcuts.CANCEL), new FontIcon("fth-x-circle"));
        MenuItem retry = new MenuItem(Shortcuts.withKeys("Retry job", Shortcuts.RETRY), new FontIcon("fth-rotate-cw"));
        MenuItem retryWithChanges = new MenuItem(RETRY_WITH_CHANGES, new FontIcon("fth-edit-3"));
        retryWithChanges.setOnAction(event -> RetryEditDialog.open(table, actions, row.getItem()));
        MenuItem copy = new MenuItem(Shortcuts.withKeys("Copy link", Shortcuts.COPY_LINK), new FontIcon("fth-copy"));
        copy.setOnAction(event -> copyLink(row.getItem()));
        cancel.setOnAction(event -> {
            List<JobRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (chosen.size() > 1) {
                JobActionPrompts.onMany(table, actions, chosen, true);
            } else {
                JobActionPrompts.cancel(table, actions, row.getItem());
            }
        });
        retry.setOnAction(event -> {
            List<JobRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (chosen.size() > 1) {
                JobActionPrompts.onMany(table, actions, chosen, false);
            } else {
                actions.retry(row.getItem());
            }
        });
        ContextMenu menu = new ContextMenu(cancel, retry, retryWithChanges, copy);
        // Decided as the menu opens: the row's job may have moved on since the row was drawn.
        menu.setOnShowing(event -> {
            JobRow job = row.getItem();
            List<JobRow> chosen = table.getSelectionModel().getSelectedItems();
            int many = chosen.size();
            cancel.setText(many > 1 ? "Cancel " + many + " selected jobs" : Shortcuts.withKeys("Cancel job", Shortcuts.CANCEL));
            retry.setText(many > 1 ? "Retry " + many + " selected jobs" : Shortcuts.withKeys("Retry job", Shortcuts.RETRY));
            cancel.setDisable(many > 1 ? chosen.stream().noneMatch(actions::canCancel) : job == null || !actions.canCancel(job));
            retry.setDisable(many > 1 ? chosen.stream().noneMatch(actions::canRetry) : job == null || !actions.canRetry(job));
            // One job's inputs at a time: several chosen rows have no one set of inputs to edit.
            retryWithChanges.setDisable(many > 1 || job == null || !actions.canRetryWithChanges(job));
            copy.setDisable(job == null);
        });
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    public void close() {
        if (ageClock != null) {
            ageClock.stop();
        }
    }
}
