package com.intellivision.console.server;

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
 * over the last hour, who the caller is, and a health check for load balancers and scripts.
 */
final class PoolRoutes {

    static final String SERVER_KIND = "intellivision-console-serve";

    private final LocalDeployment pool;

    PoolRoutes(LocalDeployment pool) {
        this.pool = pool;
    }

    void register(Javalin app) {
        app.get("/api/workers/", this::workers);
        app.get("/api/me/", ctx -> Replies.json(ctx, 200, Replies.envelope(ctx, "completed", "user_info",
                JobJson.mapper().createObjectNode().put("id", 1).put("username", "serve").put("email", ""))));
        app.get("/health/", this::health);
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
