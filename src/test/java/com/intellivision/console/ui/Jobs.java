package com.intellivision.console.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.time.Instant;

/** Jobs for tests, built the way an engine would report them. */
final class Jobs {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Jobs() {}

    static Job pending(long id, Instant createdAt) {
        return job(id, JobStatus.PENDING, createdAt, createdAt, null, null);
    }

    static Job processing(long id, Instant createdAt, Instant updatedAt) {
        return job(id, JobStatus.PROCESSING, createdAt, updatedAt, null, null);
    }

    static Job completedFrame(long id, Instant createdAt, Instant updatedAt) {
        ObjectNode results = JobJson.mapper().createObjectNode()
                .put("frame_url", "file:/tmp/frames/" + id + ".png")
                .put("title", "Harbour at dawn")
                .put("width", 1280)
                .put("height", 720)
                .put("timestamp", 90.5)
                .put("processing_time", 0.84)
                .put("method", "stream_seek");
        return job(id, JobStatus.COMPLETED, createdAt, updatedAt, results, null);
    }

    static Job failed(long id, Instant createdAt, Instant updatedAt, String error) {
        return job(id, JobStatus.FAILED, createdAt, updatedAt, null, error);
    }

    static Job cancelled(long id, Instant createdAt, Instant updatedAt) {
        return job(id, JobStatus.CANCELLED, createdAt, updatedAt, null, "Cancelled while running.");
    }

    /** Failed for good after its worker was lost on every automatic retry. */
    static Job deadLetter(long id, Instant createdAt, Instant updatedAt, String error) {
        return new Job(id, JobType.YOUTUBE_FRAME_EXTRACTION, JobStatus.FAILED, "https://youtu.be/clip" + id,
                JobJson.mapper().createObjectNode(), null, null, error, 3, 0, true, createdAt, updatedAt);
    }

    /** Back in the queue after its worker was lost, carrying the reason. */
    static Job requeued(long id, Instant createdAt, Instant updatedAt, String error) {
        return job(id, JobStatus.PENDING, createdAt, updatedAt, null, error);
    }

    static Job job(long id, JobStatus status, Instant createdAt, Instant updatedAt, ObjectNode results, String error) {
        return new Job(id, JobType.YOUTUBE_FRAME_EXTRACTION, status, "https://youtu.be/clip" + id,
                JobJson.mapper().createObjectNode(), results, null, error, 1, 0, false, createdAt, updatedAt);
    }
}
