package com.intellivision.console.ui.common;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.JobStatus;
import java.util.Locale;

/**
 * What the status column shows for a job: its state, styled by the CSS class {@code status-<state>},
 * and a label that includes the progress of a running job. A job asked to stop shows "Cancelling…",
 * styled {@code status-cancelling}, until it has.
 */
public record StatusBadge(JobStatus status, String text, boolean cancelling) {

    public static final String CANCELLING = "Cancelling…";

    public StatusBadge(JobStatus status, String text) {
        this(status, text, false);
    }

    static StatusBadge cancelling(JobStatus status) {
        return new StatusBadge(status, CANCELLING, true);
    }

    static StatusBadge of(JobStatus status, JobProgress progress) {
        String name = capitalize(status.wireName());
        if (status == JobStatus.PROCESSING && progress != null && progress.percentage() > 0) {
            return new StatusBadge(status, name + " " + Percent.format(progress.percentage()));
        }
        return new StatusBadge(status, name);
    }

    public String styleClass() {
        return cancelling ? "status-cancelling" : "status-" + status.wireName();
    }

    public static String capitalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
