package com.intellivision.console.remote;

import java.time.Instant;

/**
 * A task a Celery worker is running, from {@code inspect().active()}.
 *
 * @param id Celery's task id
 * @param name the task's name, such as {@code apps.video_analytics.tasks.process_video_job}
 * @param jobId the IntelliVision job it runs (the task's first argument, when that is a number), or
 *              {@link com.intellivision.console.job.WorkerInfo#NO_JOB}
 * @param workerPid the pool process running it, or {@link com.intellivision.console.job.WorkerInfo#NO_PID}
 * @param startedAt when it started, or null when Celery did not say
 */
public record ActiveTask(String id, String name, long jobId, long workerPid, Instant startedAt) {}
