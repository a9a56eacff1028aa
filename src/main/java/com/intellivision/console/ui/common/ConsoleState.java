package com.intellivision.console.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the views share about what people look at: the deployment shown and the job selected. One owner,
 * so that views follow it rather than each other.
 */
public final class ConsoleState {

    private final ObjectProperty<DeploymentEntry> shownDeployment = new SimpleObjectProperty<>();
    private final ObjectProperty<JobRow> selectedJob = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeDisplay> timeDisplay = new SimpleObjectProperty<>(TimeDisplay.RELATIVE);

    /** The deployment whose jobs, workers and queue the window shows. */
    public ObjectProperty<DeploymentEntry> shownDeploymentProperty() {
        return shownDeployment;
    }

    /** The job selected in the jobs table, which the preview, the attempts and the job actions show. */
    public ObjectProperty<JobRow> selectedJobProperty() {
        return selectedJob;
    }

    /** How the views show the times of jobs, as people chose in the settings. */
    public ObjectProperty<TimeDisplay> timeDisplayProperty() {
        return timeDisplay;
    }
}
