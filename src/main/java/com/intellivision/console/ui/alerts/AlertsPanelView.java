package com.intellivision.console.ui.alerts;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.alerts.AlertRulesViewModel.NumberField;
import com.intellivision.console.ui.alerts.AlertRulesViewModel.Row;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The Alerts tab: a row per rule (on or off, threshold, hold time, cooldown, minimum of jobs), each
 * number edited in place and refused there with the reason; below, the past alerts, newest first. A
 * double click on a past alert shows its deployment.
 */
public final class AlertsPanelView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @FXML private GridPane rulesGrid;
    @FXML private Label historyCount;
    @FXML private TableView<PastAlert> historyTable;
    @FXML private TableColumn<PastAlert, String> timeColumn;
    @FXML private TableColumn<PastAlert, String> deploymentColumn;
    @FXML private TableColumn<PastAlert, String> ruleColumn;
    @FXML private TableColumn<PastAlert, String> messageColumn;
    @FXML private TableColumn<PastAlert, String> valueColumn;

    /** @param showDeployment shows the deployment a past alert was about */
    public void bind(AlertRulesViewModel editor, ObservableList<PastAlert> history, ZoneId zone, Consumer<String> showDeployment) {
        showRules(editor.rows());
        DateTimeFormatter time = TIME.withZone(zone);
        column(timeColumn, alert -> time.format(alert.at()));
        column(deploymentColumn, PastAlert::deployment);
        column(ruleColumn, PastAlert::rule);
        column(messageColumn, PastAlert::message);
        column(valueColumn, PastAlert::value);
        historyTable.setItems(new SortedList<>(history, Comparator.comparing(PastAlert::at).reversed()));
        historyCount.textProperty().bind(Bindings.createStringBinding(
                () -> history.isEmpty() ? "" : history.size() + " kept, the latest " + AlertsFile.MAX_HISTORY + " at most", history));
        historyTable.setRowFactory(table -> {
            TableRow<PastAlert> row = new TableRow<>();
            row.setOnMouseClicked(click -> {
                if (click.getClickCount() == 2 && row.getItem() != null) {
                    showDeployment.accept(row.getItem().deploymentId());
                }
            });
            return row;
        });
    }

    /** A column of text; a cell too narrow for its text shows it whole in a tooltip. */
    private static void column(TableColumn<PastAlert, String> column, Function<PastAlert, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(table -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
    }

    private void showRules(List<Row> rows) {
        String[] headings = {"On", "Rule", "Above", "", "Hold (s)", "Cooldown (s)", "Min jobs", ""};
        for (int column = 0; column < headings.length; column++) {
            Label heading = new Label(headings[column]);
            heading.getStyleClass().add("alert-rules-heading");
            rulesGrid.add(heading, column, 0);
        }
        for (int index = 0; index < rows.size(); index++) {
            Row row = rows.get(index);
            int line = index + 1;
            CheckBox enabled = new CheckBox();
            enabled.setId("rule-" + row.kind().name() + "-enabled");
            enabled.selectedProperty().bindBidirectional(row.enabledProperty());
            rulesGrid.add(enabled, 0, line);
            rulesGrid.add(new Label(row.title()), 1, line);
            rulesGrid.add(field(row, row.threshold(), "threshold"), 2, line);
            Label unit = new Label(row.unit());
            unit.getStyleClass().add("alert-rules-unit");
            rulesGrid.add(unit, 3, line);
            rulesGrid.add(field(row, row.holdSeconds(), "hold"), 4, line);
            rulesGrid.add(field(row, row.cooldownSeconds(), "cooldown"), 5, line);
            if (row.hasMinJobs()) {
                rulesGrid.add(field(row, row.minJobs(), "min-jobs"), 6, line);
            }
            rulesGrid.add(problemOf(row), 7, line);
        }
    }

    /** A number's field: red and explained while what is typed is refused. */
    private static TextField field(Row row, NumberField number, String name) {
        TextField field = new TextField();
        field.setId("rule-" + row.kind().name() + "-" + name);
        field.getStyleClass().add("alert-rules-field");
        field.textProperty().bindBidirectional(number.textProperty());
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(number.problemProperty());
        number.problemProperty().addListener((property, before, problem) -> {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.isEmpty());
            field.setTooltip(problem.isEmpty() ? null : reason);
        });
        return field;
    }

    /** The reason the row's first refused field gives, beside the row. */
    private static Label problemOf(Row row) {
        List<NumberField> fields = List.of(row.threshold(), row.holdSeconds(), row.cooldownSeconds(), row.minJobs());
        ObservableValue<?>[] problems = fields.stream().map(NumberField::problemProperty).toArray(ObservableValue[]::new);
        Label problem = new Label();
        problem.setId("rule-" + row.kind().name() + "-problem");
        problem.getStyleClass().add("alert-rules-problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> fields.stream().map(field -> field.problemProperty().get())
                .filter(text -> !text.isEmpty()).findFirst().orElse(""), problems));
        return problem;
    }
}
