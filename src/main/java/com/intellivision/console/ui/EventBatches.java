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
     * or worker makes stale. Job and worker changes are all kept, in order: each one matters.
     */
    static List<EngineEvent> coalesce(List<EngineEvent> batch) {
        Set<Long> jobsWithLaterProgress = new HashSet<>();
        Set<Integer> workersWithLaterSample = new HashSet<>();
        List<EngineEvent> keptNewestFirst = new ArrayList<>(batch.size());
        for (int i = batch.size() - 1; i >= 0; i--) {
            EngineEvent event = batch.get(i);
            boolean stale = event instanceof JobProgress progress && !jobsWithLaterProgress.add(progress.jobId())
                    || event instanceof MemorySampled sample && !workersWithLaterSample.add(sample.workerId());
            if (!stale) {
                keptNewestFirst.add(event);
            }
        }
        Collections.reverse(keptNewestFirst);
        return keptNewestFirst;
    }
}
