package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.deployment.BulkActions;
import com.intellivision.console.deployment.JobControl;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The IntelliVision job API over the local pool: submitting frames and people counts, listing and
 * polling jobs, and deleting them; plus this server's own cancel and retry, which keep the job (a
 * retry with edited inputs makes a new job, linked to it).
 * Each job's attempts are listed too, and failed jobs retried or pending ones cancelled all at once. Submitting only stores the job; the work runs in the pool's worker processes.
 */
final class JobRoutes {

    static final int LIST_LIMIT = 1000;
    private static final String FRAME = JobType.YOUTUBE_FRAME_EXTRACTION.wireName();
    private static final String PEOPLE_COUNT = JobType.PEOPLE_COUNT.wireName();
    private static final String RETRY = "job_retry";

    private final LocalDeployment pool;
    private final JobView view;
    private final LinkCheck links;
    private final Uploads uploads;

    JobRoutes(LocalDeployment pool, JobView view, LinkCheck links, Uploads uploads) {
        this.pool = pool;
        this.view = view;
        this.links = links;
        this.uploads = uploads;
    }

    void register(Javalin app) {
        app.post("/api/get-youtube-frame/", this::submitFrame);
        app.post("/api/people-count/", this::submitPeopleCount);
        app.get("/api/jobs/", this::list);
        app.get("/api/jobs/{id}/", ctx -> withJob(ctx, job -> Replies.json(ctx, 200, view.of(job, baseUrl(ctx)))));
        app.delete("/api/jobs/{id}/", this::delete);
        app.post("/api/jobs/{id}/cancel/", ctx -> control(ctx, "job_cancel",
                (control, job) -> job.isTerminal() ? Optional.empty() : control.cancel(job.id()), "cancelled", "has already ended"));
        app.post("/api/jobs/{id}/retry/", this::retry);
        app.post("/api/jobs/retry-failed/", ctx -> bulk(ctx, "jobs_retry_failed", BulkActions::retryAllFailed, "queued again"));
        app.post("/api/jobs/cancel-pending/", ctx -> bulk(ctx, "jobs_cancel_pending", BulkActions::cancelAllPending, "cancelled"));
        app.get("/api/jobs/{id}/attempts/", ctx -> withJob(ctx, job -> Replies.json(ctx, 200,
                JobJson.mapper().valueToTree(pool.attemptHistory().orElseThrow().attempts(job.id())))));
    }

    private void submitFrame(Context ctx) {
        String link = Bodies.text(Bodies.json(ctx), "youtube_url");
        if (link.isEmpty()) {
            Replies.failure(ctx, 400, FRAME, "youtube_url is required", "MISSING_URL");
            return;
        }
        if (!admitted(ctx, FRAME, link)) {
            return;
        }
        Job job = pool.submit(JobRequest.frame(link, null));
        ObjectNode data = JobJson.mapper().createObjectNode().put("job_id", job.id()).put("task_id", JobView.taskId(job.id()))
                .put("message", "Frame extraction started. Use polling_url to check status.");
        ObjectNode envelope = Replies.envelope(ctx, "pending", FRAME, data);
        envelope.remove("error");
        envelope.put("polling_url", "/api/jobs/" + job.id() + "/");
        Replies.json(ctx, 202, envelope);
    }

    private void submitPeopleCount(Context ctx) throws IOException {
        String source;
        if (ctx.isMultipartFormData()) {
            UploadedFile video;
            String link;
            try {
                video = ctx.uploadedFile("video");
                link = ctx.formParam("youtube_url");
            } catch (IllegalStateException overLimit) {
                // Jetty refuses a part or a request over the multipart limits this way.
                ctx.status(413);
                return;
            }
            if (video != null && link != null && !link.isBlank()) {
                Replies.failure(ctx, 400, PEOPLE_COUNT, "Give either youtube_url or a video file, not both", "INVALID_INPUT_COMBINATION");
                return;
            }
            if (video == null && (link == null || link.isBlank())) {
                Replies.failure(ctx, 400, PEOPLE_COUNT, "Either youtube_url or video file is required", "MISSING_INPUT");
                return;
            }
            if (video != null) {
                source = uploads.keep(video).toString();
            } else if (admitted(ctx, PEOPLE_COUNT, link.strip())) {
                source = link.strip();
            } else {
                return;
            }
        } else {
            String link = Bodies.text(Bodies.json(ctx), "youtube_url");
            if (link.isEmpty()) {
                Replies.failure(ctx, 400, PEOPLE_COUNT, "Either youtube_url or video file is required", "MISSING_INPUT");
                return;
            }
            if (!admitted(ctx, PEOPLE_COUNT, link)) {
                return;
            }
            source = link;
        }
        Job job = pool.submit(JobRequest.count(source, null));
        Replies.json(ctx, 202, Replies.envelope(ctx, "pending", PEOPLE_COUNT, view.of(job, baseUrl(ctx))));
    }

    private boolean admitted(Context ctx, String jobType, String link) {
        try {
            links.check(link);
            return true;
        } catch (RefusedUrlException refused) {
            Replies.failure(ctx, 400, jobType, refused.getMessage(), refused.code());
            return false;
        }
    }

    private void list(Context ctx) {
        ArrayNode list = JobJson.mapper().createArrayNode();
        String base = baseUrl(ctx);
        pool.recentJobs(LIST_LIMIT).forEach(job -> list.add(view.of(job, base)));
        Replies.json(ctx, 200, list);
    }

    /** As IntelliVision's: the job's work is stopped and the job no longer listed as active; this server keeps its record. */
    private void delete(Context ctx) throws IOException {
        withJob(ctx, job -> {
            if (job.isTerminal()) {
                Replies.failure(ctx, 500, "job_deletion", "Job " + job.id() + " has already ended; there is nothing to stop.", "INTERNAL_ERROR");
                return;
            }
            control().cancel(job.id());
            ObjectNode data = JobJson.mapper().createObjectNode().put("job_id", job.id()).put("message", "Job " + job.id() + " deleted successfully");
            Replies.json(ctx, 200, Replies.envelope(ctx, "success", "job_deletion", data));
        });
    }

    /** What a control does to a job; empty when the job's state does not allow it. */
    private interface Control {
        Optional<Job> apply(JobControl control, Job job);
    }

    private void control(Context ctx, String jobType, Control action, String done, String refusal) throws IOException {
        withJob(ctx, job -> {
            Optional<Job> changed = action.apply(control(), job);
            if (changed.isEmpty()) {
                Replies.failure(ctx, 409, jobType, "Job " + job.id() + " " + refusal + ".", "INVALID_STATE");
                return;
            }
            ObjectNode data = view.of(changed.get(), baseUrl(ctx));
            data.put("message", "Job " + job.id() + " " + done + ".");
            Replies.json(ctx, 200, Replies.envelope(ctx, "success", jobType, data));
        });
    }

    /** Without edits the job goes back in the queue; with them a new job runs, linked to it. */
    private void retry(Context ctx) throws IOException {
        JsonNode body = Bodies.json(ctx);
        if (!body.isObject() || !RetryEdit.requested(body)) {
            control(ctx, RETRY, (control, job) -> control.retry(job.id()), "queued again", "is neither failed nor cancelled");
            return;
        }
        withJob(ctx, job -> {
            if (!job.isTerminal()) {
                Replies.failure(ctx, 409, RETRY, "Job " + job.id() + " has not ended; cancel it first, or wait for it.", "INVALID_STATE");
                return;
            }
            Optional<Job> retried;
            try {
                retried = control().retryWith(job.id(), RetryEdit.of(job, body, links));
            } catch (RefusedUrlException refused) {
                Replies.failure(ctx, 400, RETRY, refused.getMessage(), refused.code());
                return;
            } catch (RetryEdit.Refused refused) {
                Replies.failure(ctx, 400, RETRY, refused.getMessage(), refused.code());
                return;
            } catch (IllegalArgumentException invalid) {
                Replies.failure(ctx, 400, RETRY, invalid.getMessage(), RetryEdit.INVALID_PARAMS);
                return;
            }
            if (retried.isEmpty()) {
                Replies.failure(ctx, 409, RETRY, "Job " + job.id() + " has not ended; cancel it first, or wait for it.", "INVALID_STATE");
                return;
            }
            ObjectNode data = view.of(retried.get(), baseUrl(ctx));
            data.put("message", "Job " + job.id() + " retried with changes as job " + retried.get().id() + ".");
            Replies.json(ctx, 202, Replies.envelope(ctx, "pending", RETRY, data));
        });
    }

    private void bulk(Context ctx, String jobType, ToIntFunction<BulkActions> action, String done) {
        int count = action.applyAsInt(pool.bulkActions().orElseThrow());
        ObjectNode data = JobJson.mapper().createObjectNode().put("count", count).put("message", count + (count == 1 ? " job " : " jobs ") + done + ".");
        Replies.json(ctx, 200, Replies.envelope(ctx, "success", jobType, data));
    }

    private JobControl control() {
        return pool.jobControl().orElseThrow();
    }

    private interface JobHandler {
        void handle(Job job) throws IOException;
    }

    private void withJob(Context ctx, JobHandler handler) throws IOException {
        Optional<Job> job = idOf(ctx).flatMap(pool::job);
        if (job.isEmpty()) {
            Replies.detail(ctx, 404, "Not found.");
            return;
        }
        handler.handle(job.get());
    }

    static Optional<Long> idOf(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
