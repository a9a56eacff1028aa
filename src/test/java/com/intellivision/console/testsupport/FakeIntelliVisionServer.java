package com.intellivision.console.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A stand-in for an IntelliVision server on 127.0.0.1 that answers as the recorded one does (its
 * envelope, DRF's errors, bearer tokens and their refresh, the bare job list, DELETE's 500s, 503 at
 * capacity, media under {@code /api/media/}), with jobs that move along as they are polled (see
 * {@link FakeServerJob}). It can be stopped and started again on the same port, keeping its jobs.
 */
public final class FakeIntelliVisionServer implements AutoCloseable {

    public static final String ACCESS_TOKEN = "access-token-of-the-fake-server";
    public static final String REFRESH_TOKEN = "refresh-token-of-the-fake-server";
    private static final Pattern JOB_PATH = Pattern.compile("/api/jobs/(\\d+)/");
    private static final Map<String, String> ANALYSES = Map.of(
            "/api/people-count/", "people-count", "/api/car-count/", "car-count", "/api/emergency-count/", "emergency-count",
            "/api/lobby-detection/", "lobby-detection", "/api/parking-analysis/", "parking-analysis",
            "/api/pothole-detection/video/", "pothole-detection", "/api/room-readiness/", "room-readiness",
            "/api/wildlife-detection/video/", "wildlife-detection", "/api/food-waste-estimation/", "food-waste-estimation");

    private final Map<Long, FakeServerJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String accessToken = ACCESS_TOKEN;
    private volatile boolean busy;
    private volatile Fault fault = Fault.NONE;
    private final List<Long> faultyAnswerNanos = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private int port;

    public static FakeIntelliVisionServer start() throws IOException {
        return startOn(0);
    }

    /** On a port of one's choosing, as for trying the console by hand; 0 for any free one. */
    public static FakeIntelliVisionServer startOn(int port) throws IOException {
        FakeIntelliVisionServer fake = new FakeIntelliVisionServer();
        fake.listen(port);
        return fake;
    }

    private void listen(int wanted) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Fault now = fault;
                if (now != Fault.NONE) {
                    faultyAnswerNanos.add(System.nanoTime());
                    return now.answer();
                }
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), wanted);
        port = server.getPort();
    }

    /** The server's address, without a trailing slash, as people type it. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops answering; connections are refused until {@link #restart()}. */
    public void stop() {
        server.close();
    }

    /** Answers again on the same port, with the jobs it had. */
    public void restart() throws IOException {
        listen(port);
    }

    /** The ways a server in trouble answers the console's calls, as a proxy or a failing Django shows them. */
    public enum Fault {
        NONE,
        /** No answer at all within the client's poll timeout. */
        TIMES_OUT,
        /** Django's plain 500 page. */
        SERVER_ERROR,
        /** A 200 whose JSON ends halfway, as from a proxy that cut it off. */
        MALFORMED_JSON,
        /** The headers and part of the body, then the connection is gone. */
        DROPS_CONNECTION;

        MockResponse answer() {
            return switch (this) {
                case TIMES_OUT -> new MockResponse.Builder().headersDelay(15, java.util.concurrent.TimeUnit.SECONDS)
                        .body("{}").build();
                case SERVER_ERROR -> FakeResponses.html(500, "<html><title>Server Error (500)</title><body><h1>Server Error (500)</h1></body></html>");
                case MALFORMED_JSON -> FakeResponses.json(200, "{\"status\": \"completed\", \"data\": [{\"id\": 1, \"status\": \"proc");
                case DROPS_CONNECTION -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body("[" + "{\"id\": 1, \"status\": \"processing\"},".repeat(2000) + "{}]")
                        .onResponseBody(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build();
                case NONE -> throw new IllegalStateException("no fault to answer with");
            };
        }
    }

    /** Answers every call with {@code fault} from now on, until {@link Fault#NONE}. */
    public void setFault(Fault fault) {
        this.fault = fault;
    }

    /** When each faulty answer was given, in {@link System#nanoTime()}. */
    public List<Long> faultyAnswerNanos() {
        return List.copyOf(faultyAnswerNanos);
    }

    /** At capacity: every submission is refused with 503 {@code RESOURCE_UNAVAILABLE}, as the real server does. */
    public void setBusy(boolean atCapacity) {
        busy = atCapacity;
    }

    /** The access token expires: requests with it are refused until the client renews it with the refresh token. */
    public void expireAccessToken() {
        accessToken = "renewed-" + System.nanoTime();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path, e.g. {@code /api/emergency-count/}. */
    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(request -> request.getUrl().encodedPath().equals(path)).toList();
    }

    public int refreshes() {
        return refreshes.get();
    }

    /** Puts a job straight into the server, as if someone else had submitted it. */
    public long addJob(String jobType, String youtubeUrl) {
        long id = nextId.getAndIncrement();
        jobs.put(id, new FakeServerJob(id, jobType, youtubeUrl, null, null, null, null, null, Instant.now()));
        return id;
    }

    /** A job's Celery task, as a Flower lists it. */
    public record Task(long jobId, String taskId) {}

    /** The tasks of the jobs in {@code status} ("pending", "processing"), oldest first. */
    public List<Task> tasksIn(String status) {
        return jobs.values().stream().filter(job -> job.status.equals(status)).sorted(Comparator.comparingLong((FakeServerJob job) -> job.id))
                .map(job -> new Task(job.id, job.taskId)).toList();
    }

    /** Stops a job's task, as a revoke through Flower does; the server keeps the job as it was. */
    void revoke(String taskId) {
        jobs.values().stream().filter(job -> job.taskId.equals(taskId)).forEach(job -> job.revoked = true);
    }

    /** Deletes a job, as someone else would through the server's own frontend. */
    public void deleteJob(long id) {
        jobs.remove(id);
    }

    /** The jobs still on the server, by id, and their state. */
    public Map<Long, String> statuses() {
        Map<Long, String> statuses = new TreeMap<>();
        jobs.forEach((id, job) -> statuses.put(id, job.status));
        return statuses;
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.startsWith("/api/media/")) {
            return media(path);
        }
        if (!path.endsWith("/")) {
            // Django's APPEND_SLASH: a GET is redirected, a POST fails with a debug page.
            return method.equals("GET") ? new MockResponse.Builder().code(301).setHeader("Location", path + "/").build()
                    : FakeResponses.html(500, "<html><title>RuntimeError</title><body>APPEND_SLASH</body></html>");
        }
        if (path.equals("/api/token/refresh/") && method.equals("POST")) {
            return refresh(request);
        }
        MockResponse refused = checkToken(request);
        if (refused != null) {
            return refused;
        }
        if (path.equals("/api/me/")) {
            return FakeResponses.envelope(200, "completed", "user_info", JobJson.mapper().createObjectNode()
                    .put("id", 1).put("username", "ivtest").put("email", "ivtest@example.com"), null);
        }
        if (path.equals("/api/jobs/") && method.equals("GET")) {
            return list();
        }
        Matcher jobPath = JOB_PATH.matcher(path);
        if (jobPath.matches()) {
            long id = Long.parseLong(jobPath.group(1));
            return method.equals("DELETE") ? delete(id) : one(id);
        }
        if (path.equals("/api/get-youtube-frame/") && method.equals("POST")) {
            return submitFrame(request);
        }
        if (ANALYSES.containsKey(path) && method.equals("POST")) {
            return submitAnalysis(request, ANALYSES.get(path));
        }
        return FakeResponses.html(404, "<html><title>Page not found at " + path + "</title></html>");
    }

    private MockResponse checkToken(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return FakeResponses.unauthorized("{\"detail\":\"Authentication credentials were not provided.\"}");
        }
        if (!header.equals("Bearer " + accessToken)) {
            return FakeResponses.unauthorized("{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\","
                    + "\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is invalid or expired\"}]}");
        }
        return null;
    }

    private MockResponse refresh(RecordedRequest request) {
        refreshes.incrementAndGet();
        JsonNode body = FakeResponses.jsonBody(request);
        if (!body.path("refresh").asText().equals(REFRESH_TOKEN)) {
            return FakeResponses.unauthorized("{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
        }
        return FakeResponses.json(200, JobJson.mapper().createObjectNode().put("access", accessToken).toString());
    }

    private MockResponse list() {
        ArrayNode list = JobJson.mapper().createArrayNode();
        Instant now = Instant.now();
        jobs.values().stream().sorted(Comparator.comparingLong((FakeServerJob job) -> job.id).reversed()).forEach(job -> {
            job.advance(now);
            list.add(job.toJson(url()));
        });
        return FakeResponses.json(200, list.toString());
    }

    private MockResponse one(long id) {
        FakeServerJob job = jobs.get(id);
        if (job == null) {
            return FakeResponses.json(404, "{\"detail\":\"Not found.\"}");
        }
        job.advance(Instant.now());
        return FakeResponses.json(200, job.toJson(url()).toString());
    }

    private MockResponse delete(long id) {
        FakeServerJob job = jobs.get(id);
        if (job == null || job.isFrame() && job.status.equals("completed")) {
            return FakeResponses.envelope(500, "failed", "job_deletion", JobJson.mapper().createObjectNode(),
                    FakeResponses.error("Internal server error during job deletion", "INTERNAL_ERROR"));
        }
        jobs.remove(id);
        return FakeResponses.envelope(200, "success", "job_deletion", JobJson.mapper().createObjectNode().put("job_id", id)
                .put("message", "Job " + id + " deleted successfully"), null);
    }

    private MockResponse submitFrame(RecordedRequest request) {
        String link = FakeResponses.jsonBody(request).path("youtube_url").asText("");
        if (link.isBlank()) {
            return FakeResponses.envelope(400, "failed", "youtube_frame_extraction", JobJson.mapper().createObjectNode(),
                    FakeResponses.error("youtube_url is required", "MISSING_URL"));
        }
        if (busy) {
            return atCapacity("youtube_frame_extraction");
        }
        FakeServerJob job = new FakeServerJob(nextId.getAndIncrement(), "youtube_frame_extraction", link, null, null, null, null, null,
                Instant.now());
        jobs.put(job.id, job);
        ObjectNode data = JobJson.mapper().createObjectNode().put("job_id", job.id).put("task_id", job.taskId)
                .put("message", "Frame extraction started. Use polling_url to check status.");
        ObjectNode envelope = FakeResponses.envelopeNode("pending", "youtube_frame_extraction", data);
        envelope.remove("error");
        envelope.put("polling_url", "/api/jobs/" + job.id + "/");
        return FakeResponses.json(202, envelope.toString());
    }

    private MockResponse submitAnalysis(RecordedRequest request, String jobType) {
        if (busy) {
            return atCapacity(jobType);
        }
        FakeUpload input = FakeUpload.of(request);
        if (input.link() == null && input.fileName() == null) {
            return FakeResponses.envelope(400, "failed", jobType, JobJson.mapper().createObjectNode(),
                    FakeResponses.error("Provide either a file or YouTube URL", "MISSING_INPUT"));
        }
        String upload = input.fileName() == null ? null : "/api/media/uploads/" + jobType + "_" + Long.toHexString(System.nanoTime()) + ".mp4";
        FakeServerJob job = new FakeServerJob(nextId.getAndIncrement(), jobType, input.link(), upload, input.json("emergency_lines"),
                input.json("lobby_zones"), input.number("video_width"), input.number("video_height"), Instant.now());
        jobs.put(job.id, job);
        return FakeResponses.envelope(202, "pending", jobType, job.toJson(url()), null);
    }

    private static MockResponse atCapacity(String jobType) {
        return FakeResponses.envelope(503, "failed", jobType, JobJson.mapper().createObjectNode(),
                FakeResponses.error("System is currently at capacity. Please try again later.", "RESOURCE_UNAVAILABLE"));
    }

    /** Frames and annotated images: a small JPEG; the doubled media prefix of a frame's output_image is not found. */
    private MockResponse media(String path) {
        if (path.startsWith("/api/media/api/media/")) {
            return FakeResponses.html(404, "<html><title>Page not found at " + path + "</title></html>");
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg").body(new Buffer().write(JPEG)).build();
    }

    private static final byte[] JPEG = jpeg(160, 90);

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.close();
    }
}
