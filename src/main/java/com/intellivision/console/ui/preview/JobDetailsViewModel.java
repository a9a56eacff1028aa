package com.intellivision.console.ui.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.ui.common.JobRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The selected job as data: its parameters and its results as pretty JSON people can read and copy,
 * and a line of what else the job record holds (its kind on the wire, task, attempts, times).
 */
public final class JobDetailsViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper results = new ReadOnlyStringWrapper("");
    private final ChangeListener<Job> jobChanged = (property, before, job) -> show(job);
    private JobRow shown;

    public JobDetailsViewModel(ObservableValue<JobRow> selected, ZoneId zone) {
        this.zone = zone;
        selected.addListener((property, before, row) -> follow(row));
        follow(selected.getValue());
    }

    private void follow(JobRow row) {
        if (shown != null) {
            shown.jobProperty().removeListener(jobChanged);
        }
        shown = row;
        if (row == null) {
            show(null);
            return;
        }
        row.jobProperty().addListener(jobChanged);
        show(row.job());
    }

    private void show(Job job) {
        available.set(job != null);
        if (job == null) {
            summary.set("");
            parameters.set("");
            results.set("");
            return;
        }
        StringBuilder line = new StringBuilder(job.type().wireName());
        if (job.taskId() != null) {
            line.append(" · task ").append(job.taskId());
        }
        line.append(" · ").append(job.attempts()).append(job.attempts() == 1 ? " attempt" : " attempts");
        if (job.createdAt() != null) {
            line.append(" · created ").append(TIME.format(job.createdAt().atZone(zone)));
        }
        if (job.updatedAt() != null) {
            line.append(" · updated ").append(TIME.format(job.updatedAt().atZone(zone)));
        }
        summary.set(line.toString());
        parameters.set(pretty(job.params(), "No parameters: the defaults."));
        results.set(pretty(job.results(), job.isTerminal() ? "No results." : "No results yet: the job has not ended."));
    }

    private static String pretty(JsonNode node, String none) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isEmpty()) {
            return none;
        }
        try {
            return JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException unexpected) {
            return node.toString();
        }
    }

    /** Whether a job is selected. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultsProperty() {
        return results.getReadOnlyProperty();
    }
}
