package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What keeps a {@code serve} closed to those without its token, its files to its jobs' own, and one
 * client from taking all its threads: every registered route tried without the token and with wrong
 * ones; every log line of the requests read for the token; traversal in every spelling sent as raw
 * bytes (an HTTP client would tidy the dots away); requests held open against the per-client limit.
 */
class ServeSecurityTest {

    private static final String TOKEN = "security-token-0123456789abcdef";
    private static final int LIMIT = 2;
    private static final int HELD_BYTES = 5;
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    static Path temp;

    private static LocalDeployment pool;
    private static ApiServer server;
    private static Job frameJob;
    private static final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void start() throws Exception {
        Path data = temp.resolve("pool");
        PoolConfig config = PoolConfig.defaults(data).withWorkerCount(1);
        pool = LocalDeployment.start(config);
        ServeOptions options = ServeOptions.onPort(0).allowingPrivateUrls(true).withMaxRequestsPerClient(LIMIT);
        server = ApiServer.start(pool, data, config.framesDir(), AccessToken.of(TOKEN), options);
        // What traversal would be after: the token file beside the frames folder.
        Files.writeString(data.resolve(AccessToken.FILE_NAME), TOKEN + "\n");
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 2, 25, 160, 120);
        frameJob = pool.awaitTerminal(pool.submit(JobRequest.frame(clip.toString(), FrameParams.at(1.0))).id(), Duration.ofSeconds(60));
        assertThat(frameJob.status()).as(frameJob.error()).isEqualTo(JobStatus.COMPLETED);
    }

    @AfterAll
    static void stop() {
        server.close();
        pool.close();
    }

    @Test
    void everyRouteButTheHealthCheckRefusesAMissingOrWrongToken() throws Exception {
        List<String> routes = server.routes();
        assertThat(routes).contains("POST /api/get-youtube-frame/", "GET /api/jobs/{id}/image/", "GET /metrics", "POST /api/pool/")
                .hasSizeGreaterThan(15);
        String sameLengthWrong = TOKEN.substring(0, TOKEN.length() - 1) + "0";
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{id}", String.valueOf(frameJob.id())).replace("{frame}", "0");
            if (path.equals("/health/")) {
                continue;
            }
            for (String authorization : new String[] {null, "Bearer " + sameLengthWrong, "Bearer " + TOKEN + "x", "Bearer ", "Basic " + TOKEN,
                "bearer" + TOKEN}) {
                Request.Builder request = new Request.Builder().url(url(path))
                        .method(method, method.equals("GET") ? null : RequestBody.create("{}", JSON));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                try (Response response = http.newCall(request.build()).execute()) {
                    assertThat(response.code()).as(route + " with " + authorization).isEqualTo(401);
                    assertThat(response.header("WWW-Authenticate")).as(route).isEqualTo("Bearer realm=\"api\"");
                }
            }
        }
        try (Response health = http.newCall(new Request.Builder().url(url("/health/")).build()).execute()) {
            assertThat(health.code()).isEqualTo(200);
            assertThat(health.body().string()).doesNotContain(TOKEN);
        }
    }

    @Test
    void theTokenAndWrongOnesAppearInNoLogLineAndNoAnswer() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        String wrong = "wrong-token-fedcba9876543210";
        List<String> answers = new ArrayList<>();
        try {
            answers.add(call(authorized("/api/jobs/")));
            answers.add(call(authorized("/api/jobs/" + frameJob.id() + "/")));
            answers.add(call(authorized("/metrics")));
            answers.add(call(authorized("/api/workers/")));
            answers.add(call(new Request.Builder().url(url("/api/jobs/")).header("Authorization", "Bearer " + wrong)));
            answers.add(call(new Request.Builder().url(url("/api/jobs/?token=" + wrong))));
            // A body that quotes the token and cannot be read: the parse error gives only a position.
            answers.add(call(authorized("/api/get-youtube-frame/").post(RequestBody.create("{\"youtube_url\": \"" + TOKEN, JSON))));
            answers.add(call(authorized("/api/get-youtube-frame/").post(RequestBody.create("{\"youtube_url\": \"ftp://" + wrong + "/\"}", JSON))));
            answers.add(call(authorized("/api/jobs/not-a-job/")));
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }
        assertThat(captured.list).as("the request lines were captured").anyMatch(event -> event.getLoggerName().equals("serve.requests"));
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).as(event.getLoggerName()).doesNotContain(TOKEN).doesNotContain(wrong);
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(TOKEN).doesNotContain("Exception").doesNotContain("at com."));
    }

    @Test
    void framesAreServedByJobIdAndNoSpellingOfTraversalReachesAnotherFile() throws Exception {
        long id = frameJob.id();
        assertThat(rawGet("/api/jobs/" + id + "/image/")).startsWith("HTTP/1.1 200");
        String[] traversals = {
            "/api/jobs/" + id + "/image/../../serve-token",
            "/api/jobs/" + id + "/image/%2e%2e/%2e%2e/serve-token",
            "/api/jobs/" + id + "/image/%2E%2E%2F%2E%2E%2Fserve-token",
            "/api/jobs/" + id + "/image/..%2f..%2fserve-token/",
            "/api/jobs/" + id + "%2f..%2f..%2fserve-token/image/",
            "/api/jobs/" + id + "/image/....//....//serve-token",
            "/api/jobs/" + id + "/image/%252e%252e/%252e%252e/serve-token",
            "/api/jobs/" + id + "/image/.%2e/.%2e/serve-token",
            "/api/jobs/" + id + "/image/..\\..\\serve-token",
            "/api/jobs/" + id + "/image/%c0%ae%c0%ae/serve-token",
            "/api/jobs/..%2f..%2fserve-token/video/",
            "/api/jobs/" + id + "/image/0/full/../../../../serve-token",
            "/../../serve-token",
            "/%2e%2e/%2e%2e/serve-token",
            "/serve-token",
            "/frames/" + id + ".png",
        };
        for (String path : traversals) {
            String answer = rawGet(path);
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (400|404) .*").doesNotContain(TOKEN).doesNotContain("PNG");
        }
    }

    @Test
    void aClientOverItsConcurrentRequestsIsAnswered429UntilOneEnds() throws Exception {
        String body = "{\"youtube_url\": \"\"}";
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                // The headers and the body's first bytes (Jetty waits for some before it dispatches): the request
                // then waits in its handler for the rest.
                socket.getOutputStream().write(("POST /api/get-youtube-frame/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body.substring(0, HELD_BYTES)).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                held.add(socket);
            }
            awaitUnderWay(LIMIT);

            try (Response refused = http.newCall(authorized("/api/jobs/").build()).execute()) {
                assertThat(refused.code()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                JsonNode error = JobJson.mapper().readTree(refused.body().string()).path("error");
                assertThat(error.path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
                assertThat(error.path("message").asText()).contains("takes 2 at a time").contains("--max-requests-per-client");
            }
            assertThat(server.requestsUnderWay("127.0.0.1")).as("the refusal was not counted").isEqualTo(LIMIT);

            for (Socket socket : held) {
                socket.getOutputStream().write(body.substring(HELD_BYTES).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 400")
                        .contains("MISSING_URL");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        awaitUnderWay(0);
        try (Response again = http.newCall(authorized("/api/jobs/").build()).execute()) {
            assertThat(again.code()).isEqualTo(200);
        }
        assertThatThrownBy(() -> ServeOptions.onPort(0).withMaxRequestsPerClient(0)).hasMessageContaining("must be 1 or more, not 0");
    }

    @Test
    void aTokenFileOpenToOthersIsMadeOwnerOnlyAtStartWithAWarning() throws Exception {
        Path data = Files.createDirectories(temp.resolve("open-token"));
        Path file = data.resolve(AccessToken.FILE_NAME);
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger(AccessToken.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        AccessToken token;
        try {
            token = AccessToken.inDataDir(data);
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(token.value()).isEqualTo(TOKEN);
        assertThat(token.toString()).doesNotContain(TOKEN);
        assertThat(captured.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("delete the file and start serve again").doesNotContain(TOKEN);
        });

        Path fresh = Files.createDirectories(temp.resolve("new-token"));
        AccessToken made = AccessToken.inDataDir(fresh);
        assertThat(made.madeNow()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve(AccessToken.FILE_NAME)))).isEqualTo("rw-------");
    }

    /** Waits for the server to count {@code expected} requests from this address; a bound, not a measurement. */
    private static void awaitUnderWay(int expected) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.requestsUnderWay("127.0.0.1") != expected && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(server.requestsUnderWay("127.0.0.1")).isEqualTo(expected);
    }

    /** A GET written byte for byte, so that the path reaches the server exactly as spelled here. */
    private static String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String call(Request.Builder request) throws Exception {
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private static Request.Builder authorized(String path) {
        return new Request.Builder().url(url(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
