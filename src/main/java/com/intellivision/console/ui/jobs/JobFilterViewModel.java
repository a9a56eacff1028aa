package com.intellivision.console.ui.jobs;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobType;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.jobs.JobFilter.StatusChoice;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search and filters above the jobs table. While any is set, the deployment's whole store is
 * searched in the background (its full-text index answers in milliseconds, however many jobs it keeps),
 * the jobs found join the table, and the table shows those and the jobs that match as they change. An
 * answer that comes after the filter changed again is dropped.
 */
public final class JobFilterViewModel {

    /** Searches one deployment's stored jobs; may block, so it runs in the background. */
    @FunctionalInterface
    public interface Searcher {
        List<Job> search(String deploymentId, JobQuery query);
    }

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(StatusChoice.ANY);
    /** Null for any kind. */
    private final ObjectProperty<JobType> type = new SimpleObjectProperty<>();
    private final ObservableList<JobType> offeredTypes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final JobListViewModel jobs;
    private final TaskRunner tasks;
    private final Searcher searcher;
    private Set<JobKey> found = Set.of();
    private JobFilter filter = JobFilter.NONE;
    private String deploymentId;
    private long generation;

    public JobFilterViewModel(JobListViewModel jobs, TaskRunner tasks, Searcher searcher) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.searcher = searcher;
        text.addListener((property, before, after) -> changed());
        status.addListener((property, before, after) -> changed());
        type.addListener((property, before, after) -> changed());
    }

    /** Searches another deployment's jobs with the same filter, and offers the kinds of job it runs. */
    public void show(String shownDeploymentId, Capabilities capabilities) {
        deploymentId = shownDeploymentId;
        offeredTypes.setAll(Arrays.stream(JobType.values()).filter(capabilities::accepts).toList());
        if (type.get() != null && !offeredTypes.contains(type.get())) {
            type.set(null);
        } else {
            changed();
        }
    }

    /** Clears the search and every filter. */
    public void clear() {
        text.set("");
        status.set(StatusChoice.ANY);
        type.set(null);
    }

    private void changed() {
        filter = new JobFilter(text.get(), status.get(), type.get());
        long asked = ++generation;
        if (filter.isEmpty() || deploymentId == null) {
            found = Set.of();
            summary.set("");
            jobs.filterBy(row -> true);
            return;
        }
        String searched = deploymentId;
        JobQuery query = filter.toQuery();
        JobFilter asFiltered = filter;
        summary.set("Searching…");
        tasks.run(() -> searcher.search(searched, query), results -> {
            if (asked != generation) {
                return;
            }
            jobs.applyAll(searched, results);
            Set<JobKey> keys = new HashSet<>();
            results.forEach(job -> keys.add(new JobKey(searched, job.id())));
            found = keys;
            jobs.filterBy(matching(asFiltered));
            int shown = jobs.rows().size();
            summary.set(shown == 0 ? "No job matches" : shown + (shown == 1 ? " match" : " matches")
                    + (results.size() >= query.limit() ? ", the newest " + query.limit() + " of them" : ""));
        }, failure -> {
            if (asked == generation) {
                summary.set("Could not search: " + Failures.messageOf(failure));
            }
        });
    }

    private Predicate<JobRow> matching(JobFilter asFiltered) {
        Set<JobKey> keys = found;
        return row -> keys.contains(row.key()) || asFiltered.matches(row.job());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObjectProperty<JobType> typeProperty() {
        return type;
    }

    /** The kinds of job the deployment shown runs, to filter by. */
    public ObservableList<JobType> offeredTypes() {
        return offeredTypes;
    }

    /** How many jobs match, or that a search is on its way or failed; empty without a filter. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
