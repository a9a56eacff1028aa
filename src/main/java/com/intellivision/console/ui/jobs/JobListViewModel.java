package com.intellivision.console.ui.jobs;

import javafx.beans.value.ObservableValue;
import com.intellivision.console.ui.common.TimeDisplay;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The jobs of every deployment, newest first, one row per job; the table shows those of the deployment
 * chosen in the deployment list. Rows change only when told of a job (from a deployment's initial
 * listing, a submission or an event); nothing here polls. Switching deployments only changes which
 * rows show, so it is instant, and each deployment keeps its own selected job.
 */
public final class JobListViewModel {

    /** More rows per deployment than anyone scrolls through; beyond it the oldest leave so memory stays flat. */
    public static final int MAX_ROWS = 1000;

    static final Comparator<Job> NEWEST_FIRST = Comparator
            .comparing(Job::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Job::id)
            .reversed();

    private final Clock clock;
    /** A row whose job changes is tested against the filter again, alone: the list hears its job property. */
    private final ObservableList<JobRow> allRows = FXCollections.observableArrayList(row -> new Observable[] {row.jobProperty()});
    private final FilteredList<JobRow> shownRows = new FilteredList<>(allRows, row -> false);
    private final ObservableList<JobRow> readOnlyRows = FXCollections.unmodifiableObservableList(shownRows);
    private final Map<JobKey, JobRow> rowsByKey = new HashMap<>();
    private final Map<String, Integer> rowCounts = new HashMap<>();
    private final Map<String, JobRow> selectedPerDeployment = new HashMap<>();
    private final ObjectProperty<JobRow> selectedRow;
    private String shownDeployment;
    private Predicate<JobRow> filter = row -> true;
    private ObservableValue<TimeDisplay> timeDisplay = new SimpleObjectProperty<>(TimeDisplay.RELATIVE);

    /** A list with a selection of its own. */
    public JobListViewModel(Clock clock) {
        this(clock, new SimpleObjectProperty<>());
    }

    /** @param selection the selected job, which the table shows and changes, shared with the other views */
    public JobListViewModel(Clock clock, ObjectProperty<JobRow> selection) {
        this.clock = clock;
        this.selectedRow = selection;
        selectedRow.addListener((property, before, row) -> {
            if (row != null) {
                selectedPerDeployment.put(row.deploymentId(), row);
            }
        });
    }

    /** The rows of the deployment shown. */
    public ObservableList<JobRow> rows() {
        return readOnlyRows;
    }

    /** The row the preview shows; the table writes it when a person selects, and follows it otherwise. */
    public ObjectProperty<JobRow> selectedRowProperty() {
        return selectedRow;
    }

    /** Shows the jobs of another deployment, with the job that was selected there last. */
    public void show(String deploymentId) {
        if (Objects.equals(deploymentId, shownDeployment)) {
            return;
        }
        shownDeployment = deploymentId;
        applyPredicate();
        refreshAges();
        selectedRow.set(selectedPerDeployment.get(deploymentId));
    }

    /** Shows, of the deployment's rows, only those {@code matching}; {@code row -> true} shows them all. */
    public void filterBy(Predicate<JobRow> matching) {
        filter = matching;
        applyPredicate();
    }

    private void applyPredicate() {
        String deploymentId = shownDeployment;
        Predicate<JobRow> matching = filter;
        shownRows.setPredicate(row -> row.deploymentId().equals(deploymentId) && matching.test(row));
    }

    public Optional<JobRow> row(JobKey key) {
        return Optional.ofNullable(rowsByKey.get(key));
    }

    /** Shows {@code job} of a deployment: updates its row if it is newer than what the row has, or adds a row. */
    public JobRow apply(String deploymentId, Job job) {
        JobKey key = new JobKey(deploymentId, job.id());
        JobRow existing = rowsByKey.get(key);
        if (existing != null) {
            existing.update(job);
            return existing;
        }
        JobRow row = new JobRow(deploymentId, job, clock.instant());
        rowsByKey.put(key, row);
        allRows.add(insertionIndex(job), row);
        if (rowCounts.merge(deploymentId, 1, Integer::sum) > MAX_ROWS) {
            dropOldestOf(deploymentId);
        }
        return row;
    }

    /** Takes the jobs' changes and progress from now on. */
    public void listenTo(ConsoleEvents events) {
        events.on(JobChanged.class, (deploymentId, changed) -> apply(deploymentId, changed.job()));
        events.on(JobProgress.class, this::applyProgress);
    }

    public void applyAll(String deploymentId, Collection<Job> jobs) {
        jobs.forEach(job -> apply(deploymentId, job));
    }

    public void applyProgress(String deploymentId, JobProgress progress) {
        JobRow row = rowsByKey.get(new JobKey(deploymentId, progress.jobId()));
        if (row != null) {
            row.showProgress(progress);
        }
    }

    public void select(JobRow row) {
        selectedRow.set(row);
    }

    /** Forgets a deployment that was removed, with all its rows. */
    public void forget(String deploymentId) {
        allRows.removeIf(row -> row.deploymentId().equals(deploymentId));
        rowsByKey.keySet().removeIf(key -> key.deploymentId().equals(deploymentId));
        rowCounts.remove(deploymentId);
        selectedPerDeployment.remove(deploymentId);
    }

    /** Recomputes every shown row's age; called by a clock in the view, not per event. */
    public void refreshAges() {
        Instant now = clock.instant();
        TimeDisplay display = timeDisplay.getValue();
        shownRows.forEach(row -> row.refreshAge(now, display, clock.getZone()));
    }

    /** Shows the jobs' times as {@code display} says, from now on. */
    public void showTimesAs(ObservableValue<TimeDisplay> display) {
        timeDisplay = display;
        display.addListener((property, before, after) -> refreshAges());
        refreshAges();
    }

    public ObservableValue<TimeDisplay> timeDisplay() {
        return timeDisplay;
    }

    private int insertionIndex(Job job) {
        int low = 0;
        int high = allRows.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (NEWEST_FIRST.compare(allRows.get(middle).job(), job) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void dropOldestOf(String deploymentId) {
        for (int index = allRows.size() - 1; index >= 0; index--) {
            JobRow oldest = allRows.get(index);
            if (oldest.deploymentId().equals(deploymentId) && oldest != selectedRow.get()) {
                allRows.remove(index);
                rowsByKey.remove(oldest.key());
                rowCounts.merge(deploymentId, -1, Integer::sum);
                return;
            }
        }
    }
}
