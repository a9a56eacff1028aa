package com.intellivision.console.server;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The latest progress of each running job, from the pool's events, for the {@code progress} field polls read. */
final class ProgressBoard implements Consumer<EngineEvent> {

    private final Map<Long, JobProgress> latest = new ConcurrentHashMap<>();
    /** Kept apart: not every report of a count carries a frame, and the latest one is served until the next. */
    private final Map<Long, ProgressDetails.LiveFrame> liveFrames = new ConcurrentHashMap<>();

    @Override
    public void accept(EngineEvent event) {
        if (event instanceof JobProgress progress) {
            latest.put(progress.jobId(), progress);
            if (progress.details() != null && progress.details().liveFrame() != null) {
                liveFrames.put(progress.jobId(), progress.details().liveFrame());
            }
        } else if (event instanceof JobChanged changed && !changed.job().status().equals(com.intellivision.console.job.JobStatus.PROCESSING)) {
            // Progress belongs to one run: a job that ended or went back to the queue has none.
            latest.remove(changed.job().id());
            liveFrames.remove(changed.job().id());
        }
    }

    /** The frame a running count analysed last, where it reported one. */
    Optional<ProgressDetails.LiveFrame> liveFrameOf(long jobId) {
        return Optional.ofNullable(liveFrames.get(jobId));
    }

    Optional<JobProgress> of(long jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }
}
