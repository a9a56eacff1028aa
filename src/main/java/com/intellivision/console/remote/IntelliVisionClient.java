package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one IntelliVision server's API, for one user's tokens. Every call blocks and throws
 * {@link RemoteException} when it fails; it is safe to use from several threads at once.
 */
public final class IntelliVisionClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntelliVisionClient.class);
    private static final String JSON = "application/json";

    private final HttpUrl base;
    private final boolean ownsHttpClient;
    /** Calls that must fail fast: polling, listing, deleting. */
    private final OkHttpClient quick;
    /** Calls that wait for the server's own work (checking a link with yt-dlp) or move files. */
    private final OkHttpClient patient;
    private final HttpTransport transport;
    private final ServerErrors errors;
    private final SubmitRequests submitRequests;
    private final ServerJobMapper mapper;
    private final Set<String> reportedUnknownTypes = ConcurrentHashMap.newKeySet();
    private final ServeApi serve;

    /** @param baseUrl the server's address, such as {@code http://127.0.0.1:8000} */
    public IntelliVisionClient(String baseUrl, Credentials credentials) {
        this(baseUrl, credentials, new OkHttpClient(), Timeouts.DEFAULTS, true);
    }

    /** A client that shares {@code httpClient}'s connections and threads, which {@link #close()} leaves open. */
    public IntelliVisionClient(String baseUrl, Credentials credentials, OkHttpClient httpClient, Timeouts timeouts) {
        this(baseUrl, credentials, httpClient, timeouts, false);
    }

    private IntelliVisionClient(String baseUrl, Credentials credentials, OkHttpClient httpClient, Timeouts timeouts, boolean ownsHttpClient) {
        this.base = BaseUrls.parse(baseUrl, "an IntelliVision server");
        this.ownsHttpClient = ownsHttpClient;
        OkHttpClient direct = httpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(false).followSslRedirects(false).build();
        BearerAuth auth = new BearerAuth(base, credentials, direct.newBuilder().callTimeout(timeouts.poll()).build());
        OkHttpClient authenticated = direct.newBuilder().addInterceptor(auth).authenticator(auth).build();
        this.quick = authenticated.newBuilder().callTimeout(timeouts.poll()).readTimeout(timeouts.poll()).build();
        this.patient = authenticated.newBuilder().callTimeout(Duration.ZERO)
                .readTimeout(timeouts.submit()).writeTimeout(timeouts.submit()).build();
        this.transport = new HttpTransport(base, "the IntelliVision server");
        this.errors = new ServerErrors(transport);
        this.submitRequests = new SubmitRequests(base);
        this.mapper = new ServerJobMapper(base);
        OkHttpClient streaming = authenticated.newBuilder().callTimeout(Duration.ZERO).readTimeout(ServeApi.SILENCE_LIMIT).build();
        this.serve = new ServeApi(this, base, streaming, mapper);
    }

    /** What a console's {@code serve} adds to the API; {@link ServeApi#health()} says whether this server is one. */
    public ServeApi serve() {
        return serve;
    }

    /**
     * Submits a job: a link, or a local file, which is uploaded.
     *
     * @return the job as the server accepted it, pending
     * @throws IllegalArgumentException for a request the server cannot take (a frame from a file, food waste
     *         from a link, a file that does not exist), before anything is sent
     */
    public ServerJob submit(JobRequest request) {
        Request post = submitRequests.build(request);
        String action = "submit the " + request.type().displayName().toLowerCase(Locale.ROOT) + " job";
        Reply reply = send(patient, post, action);
        JsonNode envelope = json(reply, action);
        JsonNode data = envelope.path("data");
        try {
            // A frame's answer holds only its id; the analyses' hold the whole job.
            return data.has("id") ? knownJob(data, reply, action) : mapper.pendingFrame(envelope, request.url());
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
    }

    /** The job, or empty when the server has none with that id for this user. */
    public Optional<ServerJob> job(long id) {
        String action = "read job " + id;
        Reply reply = transport.send(quick, get("api/jobs/" + id + "/"), action);
        if (reply.status() == 404 && !reply.isHtml()) {
            return Optional.empty();
        }
        if (!reply.isSuccess()) {
            throw errors.of(reply, action);
        }
        try {
            return Optional.of(knownJob(json(reply, action), reply, action));
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
    }

    /** This user's jobs, newest first, without those of types this console does not know. */
    public List<ServerJob> jobs() {
        String action = "list the jobs";
        Reply reply = send(quick, get("api/jobs/"), action);
        JsonNode list = json(reply, action);
        if (!list.isArray()) {
            throw transport.malformed(reply, action, "no list of jobs");
        }
        List<ServerJob> jobs = new ArrayList<>(list.size());
        try {
            for (JsonNode node : list) {
                mapper.map(node).ifPresentOrElse(jobs::add, () -> reportUnknownType(node));
            }
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
        return jobs;
    }

    /** Deletes a job. Never retried: the server answers an error for a job that is already gone. */
    public void delete(long id) {
        String action = "delete job " + id;
        Reply reply = transport.send(quick, new Request.Builder().url(base.resolve("api/jobs/" + id + "/")).header("Accept", JSON).delete().build(), action);
        if (reply.status() == 500 && !reply.isHtml()) {
            Optional<ServerErrors.Reason> reason = ServerErrors.reasonOf(reply);
            throw new RemoteException(RemoteException.Kind.SERVER_ERROR, reason.map(ServerErrors.Reason::code).orElse(null), 500,
                    "The server could not delete job " + id + reason.map(ServerErrors.Reason::parenthesized).orElse("")
                            + ". It answers so for jobs that no longer exist, belong to another user or are completed frame jobs.");
        }
        if (!reply.isSuccess()) {
            throw errors.of(reply, action);
        }
    }

    /** Who the server takes the access token for: the check behind "Test connection". */
    public UserInfo me() {
        String action = "check who the access token belongs to";
        Reply reply = send(quick, get("api/me/"), action);
        try {
            return mapper.user(json(reply, action));
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
    }

    /**
     * Saves an image of the server's to {@code target}, which appears whole or not at all.
     *
     * @param urlOrServerPath an absolute URL, or a path on the server such as {@code /api/media/...}
     * @throws UncheckedIOException when {@code target} cannot be written
     */
    public void download(String urlOrServerPath, Path target) {
        HttpUrl url = base.resolve(urlOrServerPath);
        if (url == null) {
            throw new IllegalArgumentException("'" + urlOrServerPath + "' is neither a URL nor a path on the server");
        }
        String action = "download the image " + url;
        // Media may be served without authentication; the token goes anyway, in case it is not.
        Request request = new Request.Builder().url(url).header("Accept", "image/*").build();
        try (Response response = transport.open(patient, request, action)) {
            if (!response.isSuccessful()) {
                throw errors.of(Reply.read(response), action);
            }
            Path temporary = temporaryFileFor(target);
            try {
                Files.copy(response.body().byteStream(), temporary, StandardCopyOption.REPLACE_EXISTING);
                moveIntoPlace(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw transport.failure(e, patient, action);
        }
    }

    HttpTransport transport() {
        return transport;
    }

    /** The answers the server has given this client since it was made, and how many were server errors (5xx). */
    public AnswerCounts answerCounts() {
        return transport.answerCounts();
    }

    @Override
    public void close() {
        if (ownsHttpClient) {
            quick.dispatcher().executorService().shutdown();
            quick.connectionPool().evictAll();
        }
    }

    Request get(String path) {
        return new Request.Builder().url(base.resolve(path)).header("Accept", JSON).get().build();
    }

    /** A quick request, whatever it answers. */
    Reply askQuick(Request request, String action) {
        return transport.send(quick, request, action);
    }

    /** A request that may take as long as a submission (a link checked first), whose answer must be a success. */
    Reply sendPatient(Request request, String action) {
        return send(patient, request, action);
    }

    /** A quick request whose answer must be a success. */
    Reply sendQuick(Request request, String action) {
        return send(quick, request, action);
    }

    private Reply send(OkHttpClient client, Request request, String action) {
        Reply reply = transport.send(client, request, action);
        if (!reply.isSuccess()) {
            throw errors.of(reply, action);
        }
        return reply;
    }

    JsonNode json(Reply reply, String action) {
        try {
            JsonNode node = JobJson.mapper().readTree(reply.body());
            if (node == null || node.isMissingNode()) {
                throw transport.malformed(reply, action, "an empty body");
            }
            return node;
        } catch (IOException e) {
            throw transport.malformed(reply, action, "not JSON");
        }
    }

    ServerJob knownJob(JsonNode node, Reply reply, String action) {
        return mapper.map(node).orElseThrow(() -> new RemoteException(RemoteException.Kind.MALFORMED, null, reply.status(),
                "Could not " + action + ": it is a '" + node.path("job_type").asText() + "' job, a type this console does not know. "
                        + "A newer console may."));
    }

    private void reportUnknownType(JsonNode node) {
        String type = node.path("job_type").asText();
        if (reportedUnknownTypes.add(type)) {
            LOG.warn("{} has jobs of type '{}', which this console does not know; they are left out of its list", transport.service(), type);
        }
    }

    private static Path temporaryFileFor(Path target) {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            return Files.createTempFile(folder, target.getFileName().toString(), ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the image to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the image to " + target + ": " + e.getMessage(), e);
        }
    }
}
