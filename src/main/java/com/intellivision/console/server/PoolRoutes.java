package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.WorkerInfo;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * What this server adds to IntelliVision's API for consoles and ops: its workers with their memory
 * over the last hour, the pool's size and pause (to read and change), who the caller is, and a health
 * check for load balancers and scripts.
 */
final class PoolRoutes {

    static final String SERVER_KIND = "intellivision-console-serve";
    /** As many workers as anyone may ask a serve for over HTTP; more is a typo, not a plan. */
    static final int MAX_WORKERS = 64;

    private final LocalDeployment pool;

    PoolRoutes(LocalDeployment pool) {
        this.pool = pool;
    }

    void register(Javalin app) {
        app.get("/api/workers/", this::workers);
        app.get("/api/me/", ctx -> Replies.json(ctx, 200, Replies.envelope(ctx, "completed", "user_info",
                JobJson.mapper().createObjectNode().put("id", 1).put("username", "serve").put("email", ""))));
        app.get("/health/", this::health);
        app.get("/api/pool/", ctx -> Replies.json(ctx, 200, poolJson(pool.workers().size(), pool.isPaused())));
        app.post("/api/pool/", this::changePool);
    }

    /** {@code {"workers": n}} resizes the pool, {@code {"paused": true|false}} pauses or resumes it; both may come at once. */
    private void changePool(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        JsonNode size = body.path("workers");
        JsonNode paused = body.path("paused");
        if (size.isMissingNode() && paused.isMissingNode()) {
            Replies.failure(ctx, 400, "pool_change", "Give workers (a number of workers) or paused (true or false)", "INVALID_INPUT");
            return;
        }
        if (!size.isMissingNode() && (!size.canConvertToInt() || !size.isIntegralNumber() || size.asInt() < 1 || size.asInt() > MAX_WORKERS)) {
            Replies.failure(ctx, 400, "pool_change", "workers must be a whole number from 1 to " + MAX_WORKERS, "INVALID_INPUT");
            return;
        }
        if (!paused.isMissingNode() && !paused.isBoolean()) {
            Replies.failure(ctx, 400, "pool_change", "paused must be true or false", "INVALID_INPUT");
            return;
        }
        if (!size.isMissingNode()) {
            pool.resize(size.asInt());
        }
        if (paused.isBoolean() && paused.asBoolean()) {
            pool.pause();
        } else if (paused.isBoolean()) {
            pool.resume();
        }
        Replies.json(ctx, 200, poolJson(size.isMissingNode() ? pool.workers().size() : size.asInt(), pool.isPaused()));
    }

    static ObjectNode poolJson(int workers, boolean paused) {
        return JobJson.mapper().createObjectNode().put("workers", workers).put("paused", paused);
    }

    private void workers(Context ctx) {
        ArrayNode list = JobJson.mapper().createArrayNode();
        for (WorkerInfo worker : pool.workers()) {
            ObjectNode node = workerJson(worker);
            ArrayNode memory = node.putArray("memory");
            for (MemorySampled sample : pool.memoryHistory(worker.id())) {
                memory.addObject().put("at", sample.at().toString()).put("rss_bytes", sample.rssBytes());
            }
            list.add(node);
        }
        Replies.json(ctx, 200, list);
    }

    static ObjectNode workerJson(WorkerInfo worker) {
        ObjectNode node = JobJson.mapper().createObjectNode();
        node.put("id", worker.id());
        node.put("pid", worker.pid());
        node.put("state", worker.state().name().toLowerCase(Locale.ROOT));
        if (worker.jobId() == WorkerInfo.NO_JOB) {
            node.putNull("job_id");
        } else {
            node.put("job_id", worker.jobId());
        }
        node.put("rss_bytes", worker.rssBytes());
        node.put("peak_rss_bytes", worker.peakRssBytes());
        return node;
    }

    /** Unauthenticated, so it tells nothing about the jobs: only that the pool answers, and its size; cheap, for frequent checks. */
    private void health(Context ctx) {
        ObjectNode node = JobJson.mapper().createObjectNode().put("status", "ok").put("server", SERVER_KIND)
                .put("workers", pool.workers().size()).put("paused", pool.isPaused());
        LocalDeployment.JOB_TYPES.forEach(type -> node.withArray("job_types").add(type.wireName()));
        Replies.json(ctx, 200, node);
    }
}
