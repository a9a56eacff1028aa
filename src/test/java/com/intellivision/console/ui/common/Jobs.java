package com.intellivision.console.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.time.Instant;

/** Jobs for tests, built the way an engine would report them. */
public final class Jobs {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Jobs() {}

    public static Job pending(long id, Instant createdAt) {
        return job(id, JobStatus.PENDING, createdAt, createdAt, null, null);
    }

    public static Job processing(long id, Instant createdAt, Instant updatedAt) {
        return job(id, JobStatus.PROCESSING, createdAt, updatedAt, null, null);
    }

    public static Job completedFrame(long id, Instant createdAt, Instant updatedAt) {
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

    /** A completed filmstrip of {@code frames} frames, a second apart, with the warnings given. */
    public static Job completedFilmstrip(long id, Instant createdAt, Instant updatedAt, int frames, String... warnings) {
        ObjectNode results = JobJson.mapper().createObjectNode()
                .put("frame_url", "file:/tmp/frames/" + id + "-0.jpg")
                .put("title", "Harbour at dawn")
                .put("width", 320)
                .put("height", 180)
                .put("timestamp", 0.5)
                .put("processing_time", 1.2)
                .put("method", "stream_seek");
        var strip = results.putArray("frames");
        for (int i = 0; i < frames; i++) {
            strip.addObject().put("frame_url", "file:/tmp/frames/" + id + "-" + i + ".jpg").put("timestamp", i + 0.5);
        }
        if (warnings.length > 0) {
            var list = results.putArray("warnings");
            for (String warning : warnings) {
                list.add(warning);
            }
        }
        return job(id, JobStatus.COMPLETED, createdAt, updatedAt, results, null);
    }

    /** A completed people count as the worker reports it, its annotated frame at {@code outputImage}. */
    public static Job completedCount(long id, Instant createdAt, Instant updatedAt, String outputImage) {
        ObjectNode results = JobJson.mapper().createObjectNode()
                .put("person_count", 14)
                .put("raw_track_count", 21)
                .put("fps", 2.0)
                .put("annotated_timestamp", 5.0)
                .put("processing_time", 3.2)
                .put("frames_processed", 40)
                .put("width", 768)
                .put("height", 576);
        results.putArray("detection_strategies").add("hog");
        results.putArray("alerts").addObject().put("message", "More than 10 people in view").put("timestamp", 5.0);
        results.withArray("alerts").addObject().put("message", "The video is shorter than a sample").putNull("timestamp");
        var timeline = results.putArray("timeline");
        timeline.addObject().put("timestamp", 0.0).put("count", 3);
        timeline.addObject().put("timestamp", 0.5).put("count", 5);
        timeline.addObject().put("timestamp", 1.0).put("count", 4);
        return new Job(id, JobType.PEOPLE_COUNT, JobStatus.COMPLETED, "/videos/street.avi",
                JobJson.mapper().createObjectNode(), results, outputImage, null, 1, 10, false, createdAt, updatedAt);
    }

    public static Job processingCount(long id, Instant createdAt, Instant updatedAt) {
        return new Job(id, JobType.PEOPLE_COUNT, JobStatus.PROCESSING, "/videos/street.avi",
                JobJson.mapper().createObjectNode(), null, null, null, 1, 10, false, createdAt, updatedAt);
    }

    public static Job failed(long id, Instant createdAt, Instant updatedAt, String error) {
        return job(id, JobStatus.FAILED, createdAt, updatedAt, null, error);
    }

    public static Job cancelled(long id, Instant createdAt, Instant updatedAt) {
        return job(id, JobStatus.CANCELLED, createdAt, updatedAt, null, "Cancelled while running.");
    }

    /** Failed for good after its worker was lost on every automatic retry. */
    public static Job deadLetter(long id, Instant createdAt, Instant updatedAt, String error) {
        return new Job(id, JobType.YOUTUBE_FRAME_EXTRACTION, JobStatus.FAILED, "https://youtu.be/clip" + id,
                JobJson.mapper().createObjectNode(), null, null, error, 3, 0, true, createdAt, updatedAt);
    }

    /** Back in the queue after its worker was lost, carrying the reason. */
    public static Job requeued(long id, Instant createdAt, Instant updatedAt, String error) {
        return job(id, JobStatus.PENDING, createdAt, updatedAt, null, error);
    }

    public static Job job(long id, JobStatus status, Instant createdAt, Instant updatedAt, ObjectNode results, String error) {
        return new Job(id, JobType.YOUTUBE_FRAME_EXTRACTION, status, "https://youtu.be/clip" + id,
                JobJson.mapper().createObjectNode(), results, null, error, 1, 0, false, createdAt, updatedAt);
    }
}
