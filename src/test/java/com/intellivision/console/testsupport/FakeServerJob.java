package com.intellivision.console.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One job of a {@link FakeIntelliVisionServer}, serialized field for field as the recorded server's
 * {@code VideoJobSerializer} does. What becomes of it depends on its link, so tests choose outcomes:
 * a link with "fail" fails, with "analysis-error" completes with {@code results.error}, with "stay"
 * keeps running; any other completes. It moves one step each time it is read.
 */
final class FakeServerJob {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    final long id;
    final String jobType;
    final String youtubeUrl;
    final String inputVideo;
    final JsonNode emergencyLines;
    final JsonNode lobbyZones;
    final Integer videoWidth;
    final Integer videoHeight;
    final String taskId = UUID.randomUUID().toString();
    final Instant createdAt;
    String status = "pending";
    Instant updatedAt;
    int reads;
    /** Its Celery task was revoked: it moves no more, and the server goes on listing it as it was. */
    boolean revoked;

    FakeServerJob(long id, String jobType, String youtubeUrl, String inputVideo, JsonNode emergencyLines, JsonNode lobbyZones,
            Integer videoWidth, Integer videoHeight, Instant now) {
        this.id = id;
        this.jobType = jobType;
        this.youtubeUrl = youtubeUrl;
        this.inputVideo = inputVideo;
        this.emergencyLines = emergencyLines;
        this.lobbyZones = lobbyZones;
        this.videoWidth = videoWidth;
        this.videoHeight = videoHeight;
        this.createdAt = now;
        this.updatedAt = now;
    }

    private String link() {
        return youtubeUrl != null ? youtubeUrl : inputVideo == null ? "" : inputVideo;
    }

    boolean isFrame() {
        return jobType.equals("youtube_frame_extraction");
    }

    boolean isTerminal() {
        return status.equals("completed") || status.equals("failed");
    }

    /** A read moves the job on: pending, then processing, then its outcome. */
    void advance(Instant now) {
        if (revoked) {
            return;
        }
        reads++;
        if (status.equals("pending") && reads >= 1) {
            status = "processing";
            updatedAt = now;
        } else if (status.equals("processing") && reads >= 3 && !link().contains("stay")) {
            status = link().contains("fail") ? "failed" : "completed";
            updatedAt = now;
        }
    }

    ObjectNode toJson(String baseUrl) {
        ObjectNode job = JobJson.mapper().createObjectNode();
        job.put("id", id);
        if (status.equals("processing") && !isFrame()) {
            job.putObject("progress").put("processed_frames", 40).put("total_frames", 159).put("percentage", 25.16)
                    .put("estimated_time_remaining", 12.3).put("current_fps", 9.7);
        } else {
            job.putNull("progress");
        }
        job.put("status", status);
        job.put("job_type", jobType);
        job.set("results", results());
        putOrNull(job, "input_video", inputVideo == null ? null : baseUrl + inputVideo);
        putOrNull(job, "output_video", outputVideo(baseUrl));
        putOrNull(job, "output_image", outputImage(baseUrl));
        putOrNull(job, "youtube_url", youtubeUrl);
        job.put("created_at", MICROS.format(createdAt));
        job.put("updated_at", MICROS.format(updatedAt));
        job.put("task_id", taskId);
        job.set("emergency_lines", emergencyLines == null ? JobJson.mapper().nullNode() : emergencyLines);
        job.set("lobby_zones", lobbyZones == null ? JobJson.mapper().nullNode() : lobbyZones);
        putOrNull(job, "video_width", videoWidth);
        putOrNull(job, "video_height", videoHeight);
        job.put("user", 1);
        return job;
    }

    /** The frame's thumbnail path, which the server serves. */
    String framePath() {
        return "/api/media/thumbnails/yt_thumb_" + Long.toHexString(id * 2654435761L) + ".jpg";
    }

    String countImagePath() {
        return "/api/media/outputs/" + jobType + "_" + id + ".jpg";
    }

    /** The video endpoints' analyses also make an annotated video. */
    private String outputVideo(String baseUrl) {
        boolean makesVideo = jobType.equals("pothole-detection") || jobType.equals("wildlife-detection");
        return makesVideo && status.equals("completed") ? baseUrl + "/api/media/outputs/" + jobType + "_" + id + ".mp4" : null;
    }

    private String outputImage(String baseUrl) {
        if (!status.equals("completed") || link().contains("analysis-error")) {
            return null;
        }
        // The real server doubles the media prefix of a frame's image, which therefore does not load.
        return isFrame() ? baseUrl + "/api/media" + framePath() : baseUrl + countImagePath();
    }

    private JsonNode results() {
        ObjectNode results = JobJson.mapper().createObjectNode();
        if (status.equals("failed")) {
            if (isFrame()) {
                return results.put("error", "Could not extract frame from video");
            }
            return results.put("error", "No module named 'boxmot'").put("error_type", "ModuleNotFoundError")
                    .put("error_time", "2026-11-24T09:29:29.741820")
                    .put("traceback", "Traceback (most recent call last):\n  File \"/srv/intellivision/intellivision/apps/video_analytics/tasks.py\","
                            + " line 388, in process_video_job\nModuleNotFoundError: No module named 'boxmot'\n");
        }
        if (!status.equals("completed")) {
            return JobJson.mapper().nullNode();
        }
        if (link().contains("analysis-error")) {
            return results.put("error", "The video has no frames the model could read");
        }
        if (isFrame()) {
            return results.put("frame_url", framePath()).put("method", "thumbnail").put("title", "Loopback test video")
                    .put("processing_time", updatedAt.toEpochMilli() / 1000.0);
        }
        results.put("person_count", 7).put("raw_track_count", 9).put("fps", 2.0);
        results.putArray("detection_strategies").add("yolov8");
        results.putArray("alerts").addObject().put("message", "Crowd above threshold").put("timestamp", "00:00:05");
        return results;
    }

    private static void putOrNull(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.putNull(field);
        } else if (value instanceof Integer number) {
            node.put(field, number);
        } else {
            node.put(field, value.toString());
        }
    }
}
