package com.intellivision.console.ui.shell;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.SourcedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shrinks a batch of events to what the views still need to see. */
public final class EventBatches {

    private EventBatches() {}

    /**
     * Keeps every event except a progress report or memory reading that a later one about the same job
     * or worker of the same deployment makes stale. Job and worker changes are all kept, in order: each
     * one matters. A report carrying a preview image is kept unless a later one carries one too: a
     * frame job sends its thumbnail once, and the plain reports after it must not hide it.
     */
    static List<SourcedEvent> coalesce(List<SourcedEvent> batch) {
        Set<JobKey> jobsWithLaterProgress = new HashSet<>();
        Set<JobKey> jobsWithLaterPreview = new HashSet<>();
        Set<List<String>> workersWithLaterSample = new HashSet<>();
        List<SourcedEvent> keptNewestFirst = new ArrayList<>(batch.size());
        for (int i = batch.size() - 1; i >= 0; i--) {
            SourcedEvent sourced = batch.get(i);
            EngineEvent event = sourced.event();
            boolean stale = event instanceof JobProgress progress
                    && isStale(new JobKey(sourced.deploymentId(), progress.jobId()), progress, jobsWithLaterProgress, jobsWithLaterPreview)
                    || event instanceof MemorySampled sample
                    && !workersWithLaterSample.add(List.of(sourced.deploymentId(), sample.workerId()));
            if (!stale) {
                keptNewestFirst.add(sourced);
            }
        }
        Collections.reverse(keptNewestFirst);
        return keptNewestFirst;
    }

    private static boolean isStale(JobKey job, JobProgress progress, Set<JobKey> jobsWithLaterProgress, Set<JobKey> jobsWithLaterPreview) {
        boolean superseded = !jobsWithLaterProgress.add(job);
        boolean newestPreview = JobRow.previewUrlOf(progress) != null && jobsWithLaterPreview.add(job);
        return superseded && !newestPreview;
    }
}
