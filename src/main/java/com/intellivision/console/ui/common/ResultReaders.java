package com.intellivision.console.ui.common;

import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PeopleCountResult;

/**
 * Builds Jackson's readers of the results the UI reads, before the first job needs them. Jackson
 * builds a type's reader at its first use, which takes tens of milliseconds; done on the FX thread
 * when the first frame or count arrives, the window would skip frames.
 */
public final class ResultReaders {

    private ResultReaders() {}

    /** Call once, on a background thread, as the window opens. */
    public static void prepare() {
        for (Class<?> type : new Class<?>[] {FrameResult.class, PeopleCountResult.class}) {
            try {
                JobJson.mapper().convertValue(JobJson.mapper().createObjectNode(), type);
            } catch (IllegalArgumentException | NullPointerException emptyResultsAreNoResult) {
                // Only the reader was wanted.
            }
        }
        try {
            JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(JobJson.mapper().createObjectNode());
        } catch (com.fasterxml.jackson.core.JsonProcessingException cannotHappenForAnEmptyObject) {
            throw new IllegalStateException(cannotHappenForAnEmptyObject);
        }
    }
}
