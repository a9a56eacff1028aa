package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.WorkerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads Flower's answers: workers from {@code /api/workers}, queues from {@code /api/queues/length}. */
final class FlowerReplies {

    /** Linux reports {@code ru_maxrss} in kilobytes. */
    private static final long MAXRSS_UNIT_BYTES = 1024;

    private FlowerReplies() {}

    /** The workers of an object keyed by worker name, in the order people count them. */
    static List<CeleryWorker> workers(JsonNode byName) {
        if (!byName.isObject()) {
            throw new MalformedReply("something other than workers by name");
        }
        List<CeleryWorker> workers = new ArrayList<>(byName.size());
        for (Iterator<Map.Entry<String, JsonNode>> entries = byName.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            workers.add(worker(entry.getKey(), entry.getValue()));
        }
        workers.sort((a, b) -> WorkerInfo.NAME_ORDER.compare(a.name(), b.name()));
        return workers;
    }

    static List<QueueLength> queueLengths(JsonNode answer) {
        JsonNode queues = answer.path("active_queues");
        if (!queues.isArray()) {
            throw new MalformedReply("no active_queues");
        }
        List<QueueLength> lengths = new ArrayList<>(queues.size());
        for (JsonNode queue : queues) {
            lengths.add(new QueueLength(queue.path("name").asText(), queue.path("messages").asLong(0)));
        }
        return lengths;
    }

    private static CeleryWorker worker(String name, JsonNode info) {
        JsonNode stats = info.path("stats");
        JsonNode pool = stats.path("pool");
        int processes = pool.path("processes").isArray() ? pool.path("processes").size() : pool.path("max-concurrency").asInt(0);
        List<ActiveTask> active = new ArrayList<>();
        for (JsonNode task : info.path("active")) {
            active.add(task(task));
        }
        return new CeleryWorker(name, stats.path("pid").asLong(WorkerInfo.NO_PID), processes,
                stats.path("rusage").path("maxrss").asLong(0) * MAXRSS_UNIT_BYTES, active, instantOrNull(info.path("timestamp")));
    }

    private static ActiveTask task(JsonNode task) {
        // IntelliVision's process_video_job(job_id) takes the job's id first.
        JsonNode first = task.path("args").path(0);
        long jobId = first.isIntegralNumber() ? first.asLong() : WorkerInfo.NO_JOB;
        return new ActiveTask(task.path("id").asText(), task.path("name").asText(), jobId,
                task.path("worker_pid").asLong(WorkerInfo.NO_PID), instantOrNull(task.path("time_start")));
    }

    /** Celery's times are Unix times in seconds, with a fraction. */
    private static Instant instantOrNull(JsonNode seconds) {
        if (!seconds.isNumber()) {
            return null;
        }
        double value = seconds.asDouble();
        long whole = (long) Math.floor(value);
        return Instant.ofEpochSecond(whole, Math.round((value - whole) * 1e9));
    }
}
