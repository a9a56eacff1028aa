package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.ProgressDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Maps an IntelliVision server's job objects ({@code VideoJob}, serialized) onto the domain's jobs. */
final class ServerJobMapper {

    private static final List<String> PARAMS = List.of("emergency_lines", "lobby_zones", "video_width", "video_height");
    private static final String NO_REASON = "The server marked the job failed without saying why.";

    private final HttpUrl base;

    ServerJobMapper(HttpUrl base) {
        this.base = base;
    }

    /** The job, or empty when its type is one this console does not know (a newer server's). */
    Optional<ServerJob> map(JsonNode node) {
        Optional<JobType> type = JobType.find(node.path("job_type").asText());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        long id = idOf(node.path("id"), "a job without an id");
        JsonNode results = node.path("results");
        String analysisError = textOrNull(results.path("error"));
        JobStatus status = statusOf(node.path("status").asText());
        String error = null;
        if (status == JobStatus.COMPLETED && analysisError != null) {
            // The analysis caught its own failure and the task still ended as completed.
            status = JobStatus.FAILED;
            error = "The analysis reported an error: " + analysisError;
        } else if (status == JobStatus.FAILED) {
            String errorType = textOrNull(results.path("error_type"));
            error = analysisError == null ? NO_REASON : errorType == null ? analysisError : errorType + ": " + analysisError;
            if (node.path("cancelled").asBoolean(false)) {
                // A console's serve reports a cancelled job as failed, for IntelliVision's clients, and says so.
                status = JobStatus.CANCELLED;
                error = analysisError == null ? "The job was cancelled." : analysisError;
            }
        }
        JsonNode attemptsGiven = node.path("attempts");
        int attempts = attemptsGiven.canConvertToInt() ? attemptsGiven.asInt() : status == JobStatus.PENDING ? 0 : 1;
        Instant createdAt = instantOf(node.path("created_at"));
        Instant updatedAt = instantOf(node.path("updated_at"));
        Job job = new Job(id, type.get(), status, inputOf(node), paramsOf(node),
                resultsOf(type.get(), results, createdAt, updatedAt), null, error, attempts, 0, node.path("dead_letter").asBoolean(false),
                createdAt, updatedAt, textOrNull(node.path("task_id")), textOrNull(results.path("traceback")),
                absolute(node.path("output_video")).orElse(null), longOrNull(node.path("retry_of")));
        return Optional.of(new ServerJob(job, progressOf(id, node.path("progress")), imageUrlsOf(node, results)));
    }

    /** A frame job as its submission's answer describes it: {@code data: {job_id, task_id}}, no job object. */
    ServerJob pendingFrame(JsonNode envelope, String url) {
        JsonNode data = envelope.path("data");
        Instant at = instantOf(envelope.path("meta").path("timestamp"));
        Job job = new Job(idOf(data.path("job_id"), "an accepted frame without a job_id"), JobType.YOUTUBE_FRAME_EXTRACTION, JobStatus.PENDING,
                url, JobJson.mapper().createObjectNode(), null, null, null, 0, 0, false, at, at, textOrNull(data.path("task_id")), null, null, null);
        return new ServerJob(job, null, List.of());
    }

    UserInfo user(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        if (!data.path("username").isTextual()) {
            throw new MalformedReply("no user in its data");
        }
        return new UserInfo(data.path("id").asLong(), data.path("username").asText(), data.path("email").asText(""));
    }

    private String inputOf(JsonNode node) {
        String link = textOrNull(node.path("youtube_url"));
        return link != null ? link : absolute(node.path("input_video")).orElse("");
    }

    /** The analysis's settings; a console's serve lists its pool's own ({@code params}) too. */
    private static ObjectNode paramsOf(JsonNode node) {
        ObjectNode params = node.path("params").isObject() ? node.path("params").deepCopy() : JobJson.mapper().createObjectNode();
        for (String name : PARAMS) {
            JsonNode value = node.path(name);
            if (!value.isMissingNode() && !value.isNull()) {
                params.set(name, value.deepCopy());
            }
        }
        return params;
    }

    /** A frame's {@code processing_time} is the Unix time it finished; the domain's is how long it took. */
    private static ObjectNode resultsOf(JobType type, JsonNode results, Instant createdAt, Instant updatedAt) {
        if (!results.isObject()) {
            return null;
        }
        ObjectNode copy = results.deepCopy();
        if (type == JobType.YOUTUBE_FRAME_EXTRACTION && copy.has("processing_time")) {
            copy.put("processing_time", Duration.between(createdAt, updatedAt).toNanos() / 1e9);
        }
        return copy;
    }

    private static EngineEvent.JobProgress progressOf(long id, JsonNode progress) {
        return progress.isObject() ? progressOf(id, progress, "processing", null) : null;
    }

    /**
     * A serve's {@code progress} event: the job's id, its stage, the figures a job's {@code progress}
     * holds, and the video's thumbnail on the web while it runs (any other kind of link is left out).
     */
    EngineEvent.JobProgress progressEvent(JsonNode event) {
        String preview = textOrNull(event.path("preview_url"));
        boolean onTheWeb = preview != null && (preview.startsWith("https://") || preview.startsWith("http://"));
        EngineEvent.JobProgress progress = progressOf(idOf(event.path("job_id"), "progress without a job_id"), event,
                event.path("stage").asText("processing"), onTheWeb ? preview : null);
        ProgressDetails.LiveFrame live = liveFrameOf(event.path("live_frame"));
        if (live == null) {
            return progress;
        }
        ProgressDetails details = progress.details();
        return new EngineEvent.JobProgress(progress.jobId(), progress.percentage(), progress.stage(), new ProgressDetails(details.processedFrames(),
                details.totalFrames(), details.estimatedTimeRemaining(), details.currentFps(), details.previewUrl(), live));
    }

    /** A running count's frame, by its address on the serve; null where there is none or it cannot be read. */
    private ProgressDetails.LiveFrame liveFrameOf(JsonNode live) {
        Optional<String> url = absolute(live.path("url"));
        if (!live.isObject() || url.isEmpty()) {
            return null;
        }
        try {
            ProgressDetails.LiveFrame read = JobJson.mapper().convertValue(live, ProgressDetails.LiveFrame.class);
            return new ProgressDetails.LiveFrame(url.get(), read.timestamp(), read.boxes());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static EngineEvent.JobProgress progressOf(long id, JsonNode progress, String stage, String previewUrl) {
        ProgressDetails details = new ProgressDetails(longOrNull(progress.path("processed_frames")), longOrNull(progress.path("total_frames")),
                doubleOrNull(progress.path("estimated_time_remaining")), doubleOrNull(progress.path("current_fps")), previewUrl);
        return new EngineEvent.JobProgress(id, progress.path("percentage").asDouble(0), stage, details);
    }

    private List<String> imageUrlsOf(JsonNode node, JsonNode results) {
        List<String> urls = new ArrayList<>(2);
        absolute(node.path("output_image")).ifPresent(urls::add);
        absolute(results.path("frame_url")).filter(url -> !urls.contains(url)).ifPresent(urls::add);
        return urls;
    }

    /** Media links may be relative to the server ({@code /api/media/...}). */
    private Optional<String> absolute(JsonNode link) {
        String text = textOrNull(link);
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(base.resolve(text)).map(HttpUrl::toString);
    }

    private static JobStatus statusOf(String name) {
        try {
            return JobStatus.fromWireName(name);
        } catch (IllegalArgumentException unknown) {
            throw new MalformedReply("a job in the unknown state '" + name + "'");
        }
    }

    private static long idOf(JsonNode id, String problem) {
        if (!id.canConvertToLong()) {
            throw new MalformedReply(problem);
        }
        return id.asLong();
    }

    /** The server writes times in ISO-8601 with microseconds, ending in {@code Z} or {@code +00:00}. */
    private static Instant instantOf(JsonNode time) {
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new MalformedReply("'" + time.asText() + "' where a time was due");
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Long longOrNull(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
