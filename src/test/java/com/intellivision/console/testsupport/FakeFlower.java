package com.intellivision.console.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Celery Flower on 127.0.0.1 for a {@link FakeIntelliVisionServer}, answering as Flower's API documents:
 * its workers (each running some of the server's processing jobs), the broker's queue (its pending jobs),
 * revoke, and pool grow and shrink; behind basic authentication.
 */
public final class FakeFlower implements AutoCloseable {

    public static final String USER = "ops";
    public static final String PASSWORD = "flower-password-of-the-fake";

    private final FakeIntelliVisionServer jobs;
    private final MockWebServer server = new MockWebServer();
    /** In this order, so the first running job goes to the GPU node. */
    private final Map<String, Integer> processes = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Messages in the broker beyond the server's pending jobs, as when other producers share it. */
    private volatile int alsoQueued;

    private FakeFlower(FakeIntelliVisionServer jobs) {
        this.jobs = jobs;
        processes.put("celery@gpu-node", 2);
        processes.put("celery@cpu-node", 4);
    }

    public static FakeFlower start(FakeIntelliVisionServer jobs) throws IOException {
        FakeFlower flower = new FakeFlower(jobs);
        flower.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                flower.requests.add(request);
                return flower.answer(request);
            }
        });
        flower.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return flower;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Adds messages to the broker's queue that are not the server's jobs. */
    public void alsoQueue(int messages) {
        alsoQueued = messages;
    }

    public synchronized int processesOf(String worker) {
        return processes.get(worker);
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeaders().get("Authorization"))) {
            return new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Basic realm=\"flower\"").body("Access denied").build();
        }
        String path = URLDecoder.decode(request.getUrl().encodedPath(), StandardCharsets.UTF_8);
        if (path.equals("/api/workers")) {
            return FakeResponses.json(200, workers().toString());
        }
        if (path.equals("/api/queues/length")) {
            ObjectNode queues = JobJson.mapper().createObjectNode();
            queues.putArray("active_queues").addObject().put("name", "celery").put("messages", jobs.tasksIn("pending").size() + alsoQueued);
            return FakeResponses.json(200, queues.toString());
        }
        if (path.startsWith("/api/task/revoke/")) {
            String task = path.substring("/api/task/revoke/".length());
            jobs.revoke(task);
            return FakeResponses.json(200, "{\"message\": \"Revoked '" + task + "'\"}");
        }
        for (String action : List.of("grow", "shrink")) {
            String prefix = "/api/worker/pool/" + action + "/";
            if (path.startsWith(prefix)) {
                String worker = path.substring(prefix.length());
                if (!processes.containsKey(worker)) {
                    return FakeResponses.html(404, "<html><title>404: Not Found</title><body>Unknown worker '" + worker + "'</body></html>");
                }
                int n = Integer.parseInt(request.getUrl().queryParameter("n"));
                processes.merge(worker, action.equals("grow") ? n : -n, Integer::sum);
                return FakeResponses.json(200, "{\"message\": \"" + (action.equals("grow") ? "Growing" : "Shrinking") + " '" + worker
                        + "' worker's pool by " + n + "\"}");
            }
        }
        return FakeResponses.html(404, "<html><title>404: Not Found</title></html>");
    }

    /** Each worker with its stats, and the processing jobs dealt out to the workers in turn. */
    private ObjectNode workers() {
        ObjectNode all = JobJson.mapper().createObjectNode();
        List<FakeIntelliVisionServer.Task> running = jobs.tasksIn("processing");
        int index = 0;
        long pid = 90494;
        for (Map.Entry<String, Integer> worker : processes.entrySet()) {
            ObjectNode info = all.putObject(worker.getKey());
            ObjectNode stats = info.putObject("stats");
            stats.put("pid", pid);
            ArrayNode pool = stats.putObject("pool").put("max-concurrency", worker.getValue()).putArray("processes");
            for (int process = 1; process <= worker.getValue(); process++) {
                pool.add(pid + process);
            }
            stats.putObject("rusage").put("maxrss", 180_000 + index * 64_000).put("utime", 0.97).put("stime", 0.41);
            ArrayNode active = info.putArray("active");
            for (int task = index; task < running.size(); task += processes.size()) {
                active.addObject().put("id", running.get(task).taskId()).put("name", "apps.video_analytics.tasks.process_video_job")
                        .put("type", "apps.video_analytics.tasks.process_video_job").put("hostname", worker.getKey())
                        .put("time_start", System.currentTimeMillis() / 1000.0).put("acknowledged", true).put("worker_pid", pid + 1)
                        .putArray("args").add(running.get(task).jobId());
            }
            info.put("timestamp", System.currentTimeMillis() / 1000.0);
            index++;
            pid += 100;
        }
        return all;
    }

    @Override
    public void close() {
        server.close();
    }
}
