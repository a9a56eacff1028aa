package com.intellivision.console.server;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The latest progress of each running job, from the pool's events, for the {@code progress} field polls read. */
final class ProgressBoard implements Consumer<EngineEvent> {

    private final Map<Long, JobProgress> latest = new ConcurrentHashMap<>();

    @Override
    public void accept(EngineEvent event) {
        if (event instanceof JobProgress progress) {
            latest.put(progress.jobId(), progress);
        } else if (event instanceof JobChanged changed && !changed.job().status().equals(com.intellivision.console.job.JobStatus.PROCESSING)) {
            // Progress belongs to one run: a job that ended or went back to the queue has none.
            latest.remove(changed.job().id());
        }
    }

    Optional<JobProgress> of(long jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }
}
