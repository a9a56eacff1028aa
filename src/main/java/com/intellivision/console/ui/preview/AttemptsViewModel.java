package com.intellivision.console.ui.preview;

import com.intellivision.console.deployment.AttemptHistory;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.ui.common.DeploymentEntry;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.TaskRunner;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected job's runs, under its preview. They are read from the job's deployment in the background
 * when the selection changes, and again whenever that job changes, since each change may end or start a
 * run. A deployment that keeps no history says why instead.
 */
public final class AttemptsViewModel {

    static final String NOT_STARTED = "Not started yet";
    static final String LOADING = "Loading attempts…";

    private final TaskRunner tasks;
    private final Function<String, Optional<DeploymentEntry>> deployments;
    private final ZoneId zone;
    private final ObservableList<AttemptRow> attempts = FXCollections.observableArrayList();
    private final ObservableList<AttemptRow> readOnlyAttempts = FXCollections.unmodifiableObservableList(attempts);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper jobShown = new ReadOnlyBooleanWrapper(false);
    private final InvalidationListener reloadOnChange = observable -> reload();
    private JobRow shown;
    /** Counts requests, so the answer to an older one (another job, or an earlier state) is dropped. */
    private long latestRequest;

    public AttemptsViewModel(ObservableValue<JobRow> selectedRow, TaskRunner tasks, Function<String, Optional<DeploymentEntry>> deployments,
            ZoneId zone) {
        this.tasks = tasks;
        this.deployments = deployments;
        this.zone = zone;
        selectedRow.addListener((property, before, after) -> follow(after));
        follow(selectedRow.getValue());
    }

    private void follow(JobRow row) {
        if (shown != null) {
            shown.jobProperty().removeListener(reloadOnChange);
        }
        shown = row;
        attempts.clear();
        jobShown.set(row != null);
        if (row == null) {
            latestRequest++;
            placeholder.set("");
            return;
        }
        row.jobProperty().addListener(reloadOnChange);
        placeholder.set(LOADING);
        reload();
    }

    private void reload() {
        long request = ++latestRequest;
        long jobId = shown.id();
        Optional<DeploymentEntry> entry = deployments.apply(shown.deploymentId());
        Optional<AttemptHistory> history = entry.flatMap(known -> known.deployment().attemptHistory());
        if (history.isEmpty()) {
            placeholder.set(entry.flatMap(known -> known.capabilities().whyNot(Feature.ATTEMPT_HISTORY)).orElse(""));
            return;
        }
        tasks.run(() -> history.get().attempts(jobId), loaded -> {
            if (request == latestRequest) {
                show(loaded);
            }
        }, failure -> {
            if (request == latestRequest) {
                attempts.clear();
                placeholder.set("The attempts could not be read: " + Failures.messageOf(failure));
            }
        });
    }

    private void show(List<JobAttempt> loaded) {
        attempts.setAll(loaded.stream().map(attempt -> AttemptRow.of(attempt, zone)).toList());
        placeholder.set(loaded.isEmpty() ? NOT_STARTED : "");
    }

    /** The runs, first first. */
    public ObservableList<AttemptRow> attempts() {
        return readOnlyAttempts;
    }

    /** What to show instead of the list when it is empty: "Not started yet", "Loading attempts…", or a problem. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty jobShownProperty() {
        return jobShown.getReadOnlyProperty();
    }
}
