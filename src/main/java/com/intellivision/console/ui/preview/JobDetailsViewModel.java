package com.intellivision.console.ui.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected job as data: its parameters and its results as pretty JSON people can read and copy,
 * a line of what else the job record holds (its kind on the wire, task, attempts, times), and the jobs
 * it is linked to by a retry that made a new job: the one it runs again, and those that ran it again.
 */
public final class JobDetailsViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Job> jobShown = new SimpleObjectProperty<>();
    // Written as pretty JSON only when read: while the details are folded, a job's changes, and the
    // results of a long count as it ends, cost nothing to format.
    private final StringBinding parameters = jsonOf(Job::params, job -> "No parameters: the defaults.");
    private final StringBinding results = jsonOf(Job::results,
            job -> job.isTerminal() ? "No results." : "No results yet: the job has not ended.");
    private final ReadOnlyObjectWrapper<Long> retryOf = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Long> retriedBy = FXCollections.observableArrayList();
    private final ObservableList<Long> retriedByView = FXCollections.unmodifiableObservableList(retriedBy);
    private final Function<JobRow, List<Long>> retriesOf;
    private final Consumer<JobKey> showJob;
    private final ChangeListener<Job> jobChanged = (property, before, job) -> show(job);
    private JobRow shown;

    public JobDetailsViewModel(ObservableValue<JobRow> selected, ZoneId zone) {
        this(selected, zone, row -> List.of(), key -> {});
    }

    /**
     * @param retriesOf the ids of the jobs that run a job again as new jobs, of those the window knows
     * @param showJob selects a job of the same deployment, as a click on its link asks
     */
    public JobDetailsViewModel(ObservableValue<JobRow> selected, ZoneId zone, Function<JobRow, List<Long>> retriesOf, Consumer<JobKey> showJob) {
        this.zone = zone;
        this.retriesOf = retriesOf;
        this.showJob = showJob;
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
        retryOf.set(job == null ? null : job.retryOf());
        List<Long> retries = job == null ? List.of() : retriesOf.apply(shown);
        if (!retriedBy.equals(retries)) {
            retriedBy.setAll(retries);
        }
        jobShown.set(job);
        if (job == null) {
            summary.set("");
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
    }

    /** A part of the shown job as pretty JSON, or what {@code none} says of a job without it. */
    private StringBinding jsonOf(Function<Job, JsonNode> part, Function<Job, String> none) {
        return Bindings.createStringBinding(() -> {
            Job job = jobShown.get();
            return job == null ? "" : pretty(part.apply(job), none.apply(job));
        }, jobShown);
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

    /** Selects the linked job {@code jobId} of the shown job's deployment. */
    public void showLinked(long jobId) {
        if (shown != null) {
            showJob.accept(new JobKey(shown.deploymentId(), jobId));
        }
    }

    /** The job the shown one runs again, as a retry with a new job; null if it is none's. */
    public ReadOnlyObjectProperty<Long> retryOfProperty() {
        return retryOf.getReadOnlyProperty();
    }

    /** The jobs that run the shown one again, oldest first. */
    public ObservableList<Long> retriedBy() {
        return retriedByView;
    }

    /** Whether a job is selected. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The parameters as pretty JSON, formatted when read. */
    public StringExpression parametersProperty() {
        return parameters;
    }

    /** The results as pretty JSON, formatted when read. */
    public StringExpression resultsProperty() {
        return results;
    }
}
