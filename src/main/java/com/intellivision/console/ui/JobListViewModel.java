package com.intellivision.console.ui;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The jobs the table shows, newest first, one row per job id. Rows change only when told of a job
 * (from the initial listing, a submission or an engine event); nothing here polls.
 */
public final class JobListViewModel {

    /** More rows than anyone scrolls through; beyond it the oldest leave so memory stays flat. */
    static final int MAX_ROWS = 1000;

    static final Comparator<Job> NEWEST_FIRST = Comparator
            .comparing(Job::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Job::id)
            .reversed();

    private final Clock clock;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ObservableList<JobRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, JobRow> rowsById = new HashMap<>();
    private final ObjectProperty<JobRow> selectedRow = new SimpleObjectProperty<>();

    public JobListViewModel(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<JobRow> rows() {
        return readOnlyRows;
    }

    /** The row the preview shows; the table writes it when a person selects, and follows it otherwise. */
    public ObjectProperty<JobRow> selectedRowProperty() {
        return selectedRow;
    }

    public Optional<JobRow> row(long jobId) {
        return Optional.ofNullable(rowsById.get(jobId));
    }

    /** Shows {@code job}: updates its row if it is newer than what the row has, or adds a row. */
    public JobRow apply(Job job) {
        JobRow existing = rowsById.get(job.id());
        if (existing != null) {
            existing.update(job);
            return existing;
        }
        JobRow row = new JobRow(job, clock.instant());
        rowsById.put(job.id(), row);
        rows.add(insertionIndex(job), row);
        dropOldestBeyondLimit();
        return row;
    }

    public void applyAll(Collection<Job> jobs) {
        jobs.forEach(this::apply);
    }

    public void applyProgress(JobProgress progress) {
        JobRow row = rowsById.get(progress.jobId());
        if (row != null) {
            row.showProgress(progress);
        }
    }

    public void select(JobRow row) {
        selectedRow.set(row);
    }

    /** Recomputes every row's age; called by a clock in the view, not per event. */
    public void refreshAges() {
        Instant now = clock.instant();
        rows.forEach(row -> row.refreshAge(now));
    }

    private int insertionIndex(Job job) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (NEWEST_FIRST.compare(rows.get(middle).job(), job) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void dropOldestBeyondLimit() {
        for (int index = rows.size() - 1; rows.size() > MAX_ROWS && index >= 0; index--) {
            JobRow oldest = rows.get(index);
            if (oldest != selectedRow.get()) {
                rows.remove(index);
                rowsById.remove(oldest.id());
            }
        }
    }
}
