package com.intellivision.console.ui.queue;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The pool's size and whether it hands out jobs, for the deployment shown where it lets people change
 * them. The workers spinner writes {@link #sizeProperty()}; each change is sent to the pool in the
 * background, and the pool's own reports ({@link PoolChanged}) move the spinner when someone else
 * changed it. Every deployment's reports are kept, so switching shows its pool at once.
 */
public final class PoolControlViewModel {

    static final int MIN_WORKERS = 1;
    static final int MAX_WORKERS = 16;
    public static final String PAUSED_NOTICE = "Dispatch paused — running jobs finish, new ones wait";

    private final TaskRunner tasks;
    private final Notices notices;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper("");
    private final Map<String, PoolChanged> reports = new HashMap<>();
    private String shown;
    private final ObjectProperty<Integer> size = new SimpleObjectProperty<>(MIN_WORKERS);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(false);
    private PoolControl control;
    /** The size the pool last reported, to go back to if a resize fails. */
    private int reportedSize = MIN_WORKERS;
    /** The size being sent, or 0: one resize at a time, and the latest wish is sent when it returns. */
    private int resizing;
    /** True while the pool's own report sets the spinner, which must not be sent back as a wish. */
    private boolean showingReport;

    public PoolControlViewModel(TaskRunner tasks, Notices notices) {
        this.tasks = tasks;
        this.notices = notices;
        size.addListener((property, before, wanted) -> {
            if (!showingReport && wanted != null) {
                resizeToWish();
            }
        });
    }

    /** Controls another deployment's pool from now on, or shows why it cannot be controlled. */
    public void show(String deploymentId, Optional<PoolControl> poolControl, Capabilities capabilities) {
        shown = deploymentId;
        control = poolControl.orElse(null);
        available.set(control != null);
        unavailableReason.set(capabilities.whyNot(Feature.POOL_CONTROL).orElse(""));
        PoolChanged last = reports.get(deploymentId);
        if (last != null) {
            showReport(last);
        }
    }

    /**
     * What a deployment's pool was like when the window opened: {@code workers}, paused or not; a
     * report that came in meanwhile is newer and wins.
     */
    public void attach(String deploymentId, int workers, boolean isPaused) {
        if (reports.putIfAbsent(deploymentId, new PoolChanged(workers, isPaused)) == null && deploymentId.equals(shown)) {
            showReport(reports.get(deploymentId));
        }
    }

    /** Takes the pools' changes from now on. */
    public void listenTo(ConsoleEvents events) {
        events.on(PoolChanged.class, this::apply);
    }

    public void apply(String deploymentId, PoolChanged change) {
        reports.put(deploymentId, change);
        if (deploymentId.equals(shown)) {
            showReport(change);
        }
    }

    private void showReport(PoolChanged change) {
        reportedSize = clamp(change.size());
        paused.set(change.paused());
        // While a resize is on its way, earlier reports would make the spinner jump back and forth.
        if (resizing == 0) {
            showSize(reportedSize);
        }
    }

    /** Pauses a dispatching pool, or resumes a paused one. */
    public void togglePause() {
        if (control == null || switching.get()) {
            return;
        }
        boolean pause = !paused.get();
        switching.set(true);
        tasks.perform(pause ? control::pause : control::resume, () -> switching.set(false), failure -> {
            switching.set(false);
            notices.problem(pause ? "Could not pause dispatch" : "Could not resume dispatch", failure);
        });
    }

    private void resizeToWish() {
        if (control == null || resizing != 0) {
            return;
        }
        int wanted = clamp(size.get());
        resizing = wanted;
        tasks.perform(() -> control.resize(wanted), () -> {
            resizing = 0;
            if (clamp(size.get()) != wanted) {
                resizeToWish();
            }
        }, failure -> {
            resizing = 0;
            showSize(reportedSize);
            notices.problem("Could not change the pool to " + wanted + (wanted == 1 ? " worker" : " workers"), failure);
        });
    }

    private void showSize(int workers) {
        showingReport = true;
        try {
            size.set(workers);
        } finally {
            showingReport = false;
        }
    }

    private static int clamp(int workers) {
        return Math.max(MIN_WORKERS, Math.min(MAX_WORKERS, workers));
    }

    /** Whether the deployment lets people control its pool; the controls are hidden otherwise. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Why it does not, for people; empty when it does. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** The number of workers: the spinner's value. */
    public ObjectProperty<Integer> sizeProperty() {
        return size;
    }

    /** The pool hands out no new jobs. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** A pause or resume is on its way. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }
}
