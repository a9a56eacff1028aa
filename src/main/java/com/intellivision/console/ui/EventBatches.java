package com.intellivision.console.ui;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shrinks a batch of events to what the views still need to see. */
final class EventBatches {

    private EventBatches() {}

    /**
     * Keeps every event except a progress report or memory reading that a later one about the same job
     * or worker makes stale. Job and worker changes are all kept, in order: each one matters. A report
     * carrying a preview image is kept unless a later one carries one too: a frame job sends its
     * thumbnail once, and the plain reports after it must not hide it.
     */
    static List<EngineEvent> coalesce(List<EngineEvent> batch) {
        Set<Long> jobsWithLaterProgress = new HashSet<>();
        Set<Long> jobsWithLaterPreview = new HashSet<>();
        Set<String> workersWithLaterSample = new HashSet<>();
        List<EngineEvent> keptNewestFirst = new ArrayList<>(batch.size());
        for (int i = batch.size() - 1; i >= 0; i--) {
            EngineEvent event = batch.get(i);
            boolean stale = event instanceof JobProgress progress && isStale(progress, jobsWithLaterProgress, jobsWithLaterPreview)
                    || event instanceof MemorySampled sample && !workersWithLaterSample.add(sample.workerId());
            if (!stale) {
                keptNewestFirst.add(event);
            }
        }
        Collections.reverse(keptNewestFirst);
        return keptNewestFirst;
    }

    private static boolean isStale(JobProgress progress, Set<Long> jobsWithLaterProgress, Set<Long> jobsWithLaterPreview) {
        boolean superseded = !jobsWithLaterProgress.add(progress.jobId());
        boolean newestPreview = previewUrlOf(progress) != null && jobsWithLaterPreview.add(progress.jobId());
        return superseded && !newestPreview;
    }

    static String previewUrlOf(JobProgress progress) {
        return progress.details() == null ? null : progress.details().previewUrl();
    }
}
