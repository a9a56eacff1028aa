package com.intellivision.console.media;

import com.intellivision.console.job.ProgressDetails;

/** Receives how far long work has come. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (percentage, stage, details) -> {};

    /**
     * Called between steps of long work; it is also where work is cancelled: an implementation may
     * throw {@link java.util.concurrent.CancellationException} to stop the work there.
     *
     * @param percentage 0 to 100
     * @param stage a few words of what is being done, such as "seeking"
     * @param details finer figures (frames, rate, preview image), or null
     */
    void report(double percentage, String stage, ProgressDetails details);

    default void report(double percentage, String stage) {
        report(percentage, stage, null);
    }
}
