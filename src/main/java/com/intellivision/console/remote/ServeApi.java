package com.intellivision.console.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a console running {@code serve} adds to IntelliVision's API: its health, its workers with their
 * memory, cancelling and retrying a job in place, a job's attempts, acting on all failed or pending
 * jobs, sizing and pausing the pool, and its events, live. Calls block
 * and throw {@link RemoteException}, as the rest of {@link IntelliVisionClient} does.
 */
public final class ServeApi {

    /** What a serve names itself in {@code GET /health/}. */
    public static final String SERVER_KIND = "intellivision-console-serve";
    /** A serve sends a keep-alive every 15 s; a stream silent for this long is taken for broken. */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(45);

    private static final Logger LOG = LoggerFactory.getLogger(ServeApi.class);

    private final IntelliVisionClient client;
    private final HttpUrl base;
    private final OkHttpClient streaming;
    private final ServerJobMapper mapper;

    /** What {@code GET /health/} tells: the pool's size, whether it is paused, the job types it takes. */
    public record Health(int workers, boolean paused, Set<JobType> jobTypes) {}

    /** A worker as {@code GET /api/workers/} lists it, with its memory over the last hour, oldest first. */
    public record Worker(WorkerInfo info, List<MemorySampled> memory) {}

    ServeApi(IntelliVisionClient client, HttpUrl base, OkHttpClient streaming, ServerJobMapper mapper) {
        this.client = client;
        this.base = base;
        this.streaming = streaming;
        this.mapper = mapper;
    }

    /** The serve's health, or empty when another kind of server answers at the address. */
    public Optional<Health> health() {
        String action = "check whether the server is a console's serve";
        Reply reply = client.askQuick(client.get("health/"), action);
        if (!reply.isSuccess() || reply.isHtml()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JobJson.mapper().readTree(reply.body());
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (node == null || !SERVER_KIND.equals(node.path("server").asText())) {
            return Optional.empty();
        }
        Set<JobType> types = EnumSet.noneOf(JobType.class);
        node.path("job_types").forEach(type -> JobType.find(type.asText()).ifPresent(types::add));
        return Optional.of(new Health(node.path("workers").asInt(), node.path("paused").asBoolean(), types));
    }

    public List<Worker> workers() {
        String action = "list the workers";
        Reply reply = client.sendQuick(client.get("api/workers/"), action);
        JsonNode list = client.json(reply, action);
        if (!list.isArray()) {
            throw client.transport().malformed(reply, action, "no list of workers");
        }
        List<Worker> workers = new ArrayList<>(list.size());
        try {
            for (JsonNode node : list) {
                WorkerInfo info = workerOf(node);
                List<MemorySampled> memory = new ArrayList<>();
                node.path("memory").forEach(sample -> memory.add(new MemorySampled(info.id(), info.pid(), sample.path("rss_bytes").asLong(),
                        instantOf(sample.path("at")))));
                workers.add(new Worker(info, memory));
            }
        } catch (MalformedReply e) {
            throw client.transport().malformed(reply, action, e.getMessage());
        }
        return workers;
    }

    /** Stops the job and keeps it, cancelled; empty when it had already ended. */
    public Optional<ServerJob> cancel(long jobId) {
        return control(jobId, "cancel", "cancel job " + jobId);
    }

    /** Puts the failed or cancelled job back in the queue, as the same job; empty when it was in another state. */
    public Optional<ServerJob> retry(long jobId) {
        return control(jobId, "retry", "retry job " + jobId);
    }

    /**
     * Runs the ended job again with another link ({@code null} keeps its video) and {@code params}, as a
     * new job linked to it; empty when it has not ended. The serve checks a link as it checks a
     * submission's, so this may take as long.
     */
    public Optional<ServerJob> retryWith(long jobId, String link, ObjectNode params) {
        String action = "retry job " + jobId + " with changes";
        ObjectNode body = JobJson.mapper().createObjectNode();
        if (link != null) {
            body.put("youtube_url", link);
        }
        body.set("params", params);
        Reply reply;
        try {
            reply = client.sendPatient(post("api/jobs/" + jobId + "/retry/", body.toString()), action);
        } catch (RemoteException refused) {
            if (refused.httpStatus() == 409) {
                return Optional.empty();
            }
            throw refused;
        }
        return Optional.of(client.knownJob(client.json(reply, action).path("data"), reply, action));
    }

    private Optional<ServerJob> control(long jobId, String verb, String action) {
        Reply reply;
        try {
            reply = client.sendQuick(post("api/jobs/" + jobId + "/" + verb + "/", "{}"), action);
        } catch (RemoteException refused) {
            if (refused.httpStatus() == 409) {
                return Optional.empty();
            }
            throw refused;
        }
        return Optional.of(client.knownJob(client.json(reply, action).path("data"), reply, action));
    }

    /** Puts every failed job back in the queue; returns how many. */
    public int retryFailed() {
        return bulk("retry-failed", "retry the failed jobs");
    }

    /** Cancels every pending job; returns how many. */
    public int cancelPending() {
        return bulk("cancel-pending", "cancel the pending jobs");
    }

    private int bulk(String verb, String action) {
        Reply reply = client.sendQuick(post("api/jobs/" + verb + "/", "{}"), action);
        JsonNode count = client.json(reply, action).path("data").path("count");
        if (!count.canConvertToInt()) {
            throw client.transport().malformed(reply, action, "no count of jobs");
        }
        return count.asInt();
    }

    /** Resizes the pool to {@code workers} ({@code null} leaves it), pauses or resumes it ({@code null} leaves it). */
    public void changePool(Integer workers, Boolean paused) {
        var body = JobJson.mapper().createObjectNode();
        if (workers != null) {
            body.put("workers", workers);
        }
        if (paused != null) {
            body.put("paused", paused);
        }
        client.sendQuick(post("api/pool/", body.toString()), workers != null ? "resize the pool to " + workers + " workers"
                : Boolean.TRUE.equals(paused) ? "pause the pool" : "resume the pool");
    }

    private Request post(String path, String json) {
        return new Request.Builder().url(base.resolve(path)).header("Accept", "application/json")
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
    }

    /** Every run of the job, first first. */
    public List<JobAttempt> attempts(long jobId) {
        String action = "read the attempts of job " + jobId;
        Reply reply = client.sendQuick(client.get("api/jobs/" + jobId + "/attempts/"), action);
        try {
            return JobJson.mapper().readerForListOf(JobAttempt.class).readValue(reply.body());
        } catch (IOException e) {
            throw client.transport().malformed(reply, action, "no list of attempts");
        }
    }

    /**
     * Starts listening to the serve's events on OkHttp's thread; closing the handle stops it. The listener
     * hears {@link ServeEventListener#ended} once, when the stream ends for any reason but closing.
     */
    public AutoCloseable listen(ServeEventListener listener) {
        Request request = client.get("api/events/").newBuilder().header("Accept", "text/event-stream").build();
        EventSource source = EventSources.createFactory(streaming).newEventSource(request, new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
                listener.opened();
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                dispatch(listener, type, data);
            }

            @Override
            public void onClosed(EventSource eventSource) {
                listener.ended(new RemoteException(RemoteException.Kind.UNREACHABLE, null, RemoteException.NO_STATUS,
                        client.transport().service() + " closed its stream of events."));
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable failure, Response response) {
                listener.ended(failureOf(failure, response));
            }
        });
        return source::cancel;
    }

    private void dispatch(ServeEventListener listener, String type, String data) {
        try {
            JsonNode node = JobJson.mapper().readTree(data);
            switch (type == null ? "" : type) {
                case "job" -> mapper.map(node).ifPresent(listener::job);
                case "progress" -> listener.progress(mapper.progressEvent(node));
                case "worker" -> listener.worker(workerOf(node));
                case "memory" -> listener.memory(new MemorySampled(node.path("worker").asText(), node.path("pid").asLong(WorkerInfo.NO_PID),
                        node.path("rss_bytes").asLong(), instantOf(node.path("at"))));
                case "queue" -> listener.queue(JobJson.mapper().treeToValue(node, QueueFigures.class));
                case "pool" -> listener.pool(node.path("workers").asInt(), node.path("paused").asBoolean());
                case "resync" -> listener.resync();
                default -> LOG.debug("{} sent an event of the unknown type '{}'", client.transport().service(), type);
            }
        } catch (JsonProcessingException | MalformedReply | IllegalArgumentException unreadable) {
            // One unreadable event is skipped; the periodic listing catches up with what it said.
            LOG.warn("{} sent a '{}' event this console cannot read: {}", client.transport().service(), type, unreadable.getMessage());
        }
    }

    private RemoteException failureOf(Throwable failure, Response response) {
        String action = "listen to the server's events";
        if (response != null && !response.isSuccessful()) {
            try {
                return new ServerErrors(client.transport()).of(Reply.read(response), action);
            } catch (IOException unreadable) {
                return client.transport().failure(unreadable, streaming, action);
            }
        }
        if (failure instanceof RefreshFailure refusal) {
            return refusal.during(action);
        }
        if (failure instanceof IOException broken) {
            return client.transport().failure(broken, streaming, action);
        }
        return new RemoteException(RemoteException.Kind.MALFORMED, null, response == null ? RemoteException.NO_STATUS : response.code(),
                "Could not " + action + ": " + client.transport().service() + " answered with something other than a stream of events.");
    }

    private static WorkerInfo workerOf(JsonNode node) {
        if (!node.path("id").isTextual()) {
            throw new MalformedReply("a worker without an id");
        }
        WorkerState state;
        try {
            state = WorkerState.valueOf(node.path("state").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new MalformedReply("a worker in the unknown state '" + node.path("state").asText() + "'");
        }
        long jobId = node.path("job_id").canConvertToLong() ? node.path("job_id").asLong() : WorkerInfo.NO_JOB;
        return WorkerInfo.single(node.path("id").asText(), node.path("pid").asLong(WorkerInfo.NO_PID), state, jobId,
                node.path("rss_bytes").asLong(), node.path("peak_rss_bytes").asLong());
    }

    private static Instant instantOf(JsonNode at) {
        try {
            return Instant.parse(at.asText());
        } catch (RuntimeException unreadable) {
            throw new MalformedReply("a time that is not one: '" + at.asText() + "'");
        }
    }
}
