package com.intellivision.console.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.JobJson;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/events/}: the pool's events as server-sent events, live, so a console shows this
 * server's jobs, workers and memory as they change instead of polling. Events are named {@code job},
 * {@code progress}, {@code worker}, {@code memory}, {@code pool} and {@code queue}; their data is JSON,
 * and a new listener first hears the queue and the pool as they are. Each client
 * has a queue of its own, so a slow one never holds up the pool; one that falls too far behind gets
 * {@code resync} and is closed, to reconnect and read the jobs afresh.
 */
final class EventStream {

    static final int QUEUE_LIMIT = 10_000;
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final LocalDeployment pool;
    private final JobView view;

    EventStream(LocalDeployment pool, JobView view) {
        this.pool = pool;
        this.view = view;
    }

    void register(Javalin app) {
        app.sse("/api/events/", this::stream);
    }

    /** Runs on the request's own thread for as long as the client listens. */
    private void stream(SseClient client) {
        BlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        AtomicBoolean fellBehind = new AtomicBoolean();
        String baseUrl = JobRoutes.baseUrl(client.ctx());
        try (Subscription feed = pool.subscribe(event -> {
            if (!queue.offer(event)) {
                fellBehind.set(true);
            }
        })) {
            client.sendComment("connected");
            // What a new listener needs before any change: the queue and the pool as they are.
            client.sendEvent("queue", json(pool.figures()));
            client.sendEvent("pool", PoolRoutes.poolJson(pool.workers().size(), pool.isPaused()).toString());
            while (!client.terminated()) {
                EngineEvent event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (fellBehind.get()) {
                    client.sendEvent("resync", "{}");
                    break;
                }
                if (event == null) {
                    client.sendComment("keep-alive");
                } else {
                    send(client, event, baseUrl);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private void send(SseClient client, EngineEvent event, String baseUrl) {
        if (event instanceof JobChanged changed) {
            client.sendEvent("job", view.of(changed.job(), baseUrl).toString());
        } else if (event instanceof JobProgress progress) {
            ObjectNode data = progress.details() == null ? JobJson.mapper().createObjectNode() : JobJson.mapper().valueToTree(progress.details());
            if (!data.path("preview_url").asText("").startsWith("https://")) {
                // A thumbnail on the web is for everyone; anything else may name this machine's files.
                data.remove("preview_url");
            }
            if (data.get("live_frame") instanceof ObjectNode live) {
                // The frame by the job's id, never by this machine's path.
                live.put("url", JobView.imagePath(progress.jobId()) + "live/");
            }
            data.put("job_id", progress.jobId()).put("percentage", progress.percentage()).put("stage", progress.stage());
            client.sendEvent("progress", data.toString());
        } else if (event instanceof WorkerChanged changed) {
            client.sendEvent("worker", PoolRoutes.workerJson(changed.worker()).toString());
        } else if (event instanceof MemorySampled sample) {
            client.sendEvent("memory", JobJson.mapper().createObjectNode().put("worker", sample.workerId()).put("pid", sample.pid())
                    .put("rss_bytes", sample.rssBytes()).put("at", sample.at().toString()).toString());
        } else if (event instanceof PoolChanged changed) {
            client.sendEvent("pool", PoolRoutes.poolJson(changed.size(), changed.paused()).toString());
        } else if (event instanceof QueueChanged queue) {
            client.sendEvent("queue", json(queue.figures()));
        }
    }

    private static String json(Object value) {
        try {
            return JobJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("an event that cannot be written as JSON", unexpected);
        }
    }
}
