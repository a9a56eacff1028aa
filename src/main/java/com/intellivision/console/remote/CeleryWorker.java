package com.intellivision.console.remote;

import java.time.Instant;
import java.util.List;

/**
 * A Celery worker as Flower last heard of it. A worker Flower knows only by name (it has not answered an
 * inspection yet) has no pid, processes, memory or sample time.
 *
 * @param name Celery's name for it, such as {@code celery@host}
 * @param pid its main process, or {@link com.intellivision.console.job.WorkerInfo#NO_PID}
 * @param processes its pool's processes (or the pool's concurrency when Celery lists no processes), or 0
 * @param maxRssBytes the highest resident memory of its main process so far, or 0
 * @param sampledAt when Flower last inspected it, or null
 */
public record CeleryWorker(String name, long pid, int processes, long maxRssBytes, List<ActiveTask> activeTasks, Instant sampledAt) {

    public CeleryWorker {
        activeTasks = List.copyOf(activeTasks);
    }
}
