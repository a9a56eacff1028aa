package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A job as IntelliVision serializes its {@code VideoJob}: the seed's fields and statuses (a cancelled
 * job is {@code failed}, with {@code cancelled: true} for clients that know it), media links that
 * name the job by id (never a path), and the latest progress while it runs. Beyond IntelliVision's
 * fields, a serve's own: its attempts, dead letters, the pool's settings ({@code params}) and the job
 * a retry with changes runs again ({@code retry_of}).
 */
final class JobView {

    static final String CANCELLED_ERROR_TYPE = "JobCancelled";

    private final ProgressBoard progress;

    JobView(ProgressBoard progress) {
        this.progress = progress;
    }

    /** {@code baseUrl} is how the client reached this server, such as {@code http://127.0.0.1:8080}. */
    ObjectNode of(Job job, String baseUrl) {
        ObjectNode node = JobJson.mapper().createObjectNode();
        node.put("id", job.id());
        node.set("progress", progressOf(job));
        node.put("status", wireStatus(job.status()));
        node.put("job_type", job.type().wireName());
        node.set("results", resultsOf(job));
        if (isUpload(job)) {
            // As IntelliVision names an upload: by a link to it, never by where it lies on this machine.
            node.put("input_video", baseUrl + videoPath(job.id()));
        } else {
            node.putNull("input_video");
        }
        node.putNull("output_video");
        if (job.outputImage() != null && job.status() == JobStatus.COMPLETED) {
            node.put("output_image", baseUrl + imagePath(job.id()));
        } else {
            node.putNull("output_image");
        }
        node.put("youtube_url", isUpload(job) ? null : job.youtubeUrl());
        node.put("created_at", timestamp(job.createdAt()));
        node.put("updated_at", timestamp(job.updatedAt()));
        node.put("task_id", taskId(job.id()));
        for (String absent : new String[] {"emergency_lines", "lobby_zones", "video_width", "video_height"}) {
            node.putNull(absent);
        }
        node.put("user", 1);
        node.put("cancelled", job.status() == JobStatus.CANCELLED);
        node.put("attempts", job.attempts());
        node.put("dead_letter", job.deadLetter());
        node.set("params", job.params() == null ? JobJson.mapper().createObjectNode() : job.params().deepCopy());
        if (job.retryOf() == null) {
            node.putNull("retry_of");
        } else {
            node.put("retry_of", job.retryOf());
        }
        return node;
    }

    /** A job of a video uploaded to this server, whose source is a file here rather than a link. */
    static boolean isUpload(Job job) {
        String source = job.youtubeUrl();
        return source != null && !source.startsWith("http://") && !source.startsWith("https://");
    }

    static String videoPath(long jobId) {
        return "/api/jobs/" + jobId + "/video/";
    }

    static String imagePath(long jobId) {
        return "/api/jobs/" + jobId + "/image/";
    }

    static String imagePath(long jobId, int frame) {
        return "/api/jobs/" + jobId + "/image/" + frame + "/";
    }

    /** A filmstrip frame at the video's own size. */
    static String fullSizePath(long jobId, int frame) {
        return imagePath(jobId, frame) + "full/";
    }

    /** This server's jobs have no Celery task; the id stands in, so clients that keep task ids have one. */
    static String taskId(long jobId) {
        return "serve-" + jobId;
    }

    static String wireStatus(JobStatus status) {
        return status == JobStatus.CANCELLED ? JobStatus.FAILED.wireName() : status.wireName();
    }

    private JsonNode progressOf(Job job) {
        Optional<JobProgress> running = job.status() == JobStatus.PROCESSING ? progress.of(job.id()) : Optional.empty();
        if (running.isEmpty()) {
            return JobJson.mapper().nullNode();
        }
        JobProgress report = running.get();
        ObjectNode node = JobJson.mapper().createObjectNode();
        if (report.details() != null) {
            putNumber(node, "processed_frames", report.details().processedFrames());
            putNumber(node, "total_frames", report.details().totalFrames());
        }
        node.put("percentage", report.percentage());
        if (report.details() != null) {
            putNumber(node, "estimated_time_remaining", report.details().estimatedTimeRemaining());
            putNumber(node, "current_fps", report.details().currentFps());
        }
        return node;
    }

    /** An upload's error names it as its sender knows it, not by the name and folder this server keeps it under. */
    private static String shownError(Job job) {
        if (job.error() == null || !isUpload(job)) {
            return job.error();
        }
        String error = job.error().replace("The file " + job.youtubeUrl(), "The uploaded file");
        return error.startsWith(job.youtubeUrl()) ? "The uploaded file" + error.substring(job.youtubeUrl().length())
                : error.replace(job.youtubeUrl(), "the uploaded file");
    }

    private static JsonNode resultsOf(Job job) {
        return switch (job.status()) {
            case FAILED -> JobJson.mapper().createObjectNode().put("error", shownError(job)).put("error_type", "JobFailed");
            case CANCELLED -> JobJson.mapper().createObjectNode().put("error", job.error() == null ? "The job was cancelled." : job.error())
                    .put("error_type", CANCELLED_ERROR_TYPE);
            case COMPLETED -> completedResults(job);
            default -> JobJson.mapper().nullNode();
        };
    }

    /** The results as the pool made them, with its {@code file:} links turned into this server's links by job id. */
    private static JsonNode completedResults(Job job) {
        if (job.results() == null) {
            return JobJson.mapper().nullNode();
        }
        ObjectNode results = job.results().deepCopy();
        if (results.has("frame_url")) {
            results.put("frame_url", imagePath(job.id()));
        }
        if (results.get("frames") instanceof ArrayNode frames) {
            for (int index = 0; index < frames.size(); index++) {
                ObjectNode frame = (ObjectNode) frames.get(index);
                frame.put("frame_url", imagePath(job.id(), index));
                if (frame.hasNonNull("full_frame_url")) {
                    frame.put("full_frame_url", fullSizePath(job.id(), index));
                }
            }
        }
        if (results.hasNonNull("clean_image_url")) {
            results.put("clean_image_url", imagePath(job.id()) + "clean/");
        }
        results.remove("output_image");
        return results;
    }

    private static void putNumber(ObjectNode node, String name, Number value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Double || value instanceof Float) {
            node.put(name, value.doubleValue());
        } else {
            node.put(name, value.longValue());
        }
    }

    private static String timestamp(Instant at) {
        return at == null ? null : at.toString();
    }
}
