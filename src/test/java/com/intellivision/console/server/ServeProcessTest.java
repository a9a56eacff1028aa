package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.testsupport.TestVideos;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code serve} process on the loopback, driven by a plain HTTP client as IntelliVision's own front end drives its server. */
class ServeProcessTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    static Path temp;

    private static LoopbackHttpServer videos;
    private static ServeProcess serve;
    private static String token;
    private static final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void startServe() throws Exception {
        videos = LoopbackHttpServer.servingClip(temp);
        serve = ServeProcess.start(temp.resolve("serve"), "--allow-private-urls");
        token = serve.token();
    }

    @AfterAll
    static void stopServe() throws Exception {
        serve.close();
        videos.close();
    }

    @Test
    void theFrontEndsFlowSubmitsPollsOnceASecondAndFetchesTheImage() throws Exception {
        JsonNode accepted;
        try (Response response = call(post("/api/get-youtube-frame/", "{\"youtube_url\":\"" + videos.url("/clip.mp4") + "\"}"))) {
            assertThat(response.code()).isEqualTo(202);
            accepted = JobJson.mapper().readTree(response.body().string());
        }
        assertThat(accepted.path("status").asText()).isEqualTo("pending");
        long jobId = accepted.path("data").path("job_id").asLong();
        assertThat(accepted.path("polling_url").asText()).isEqualTo("/api/jobs/" + jobId + "/");

        JsonNode job = pollUntilEnded(accepted.path("polling_url").asText());

        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("results").path("frame_url").asText()).isEqualTo("/api/jobs/" + jobId + "/image/");
        try (Response image = call(authorized(job.path("output_image").asText()).build())) {
            assertThat(image.code()).isEqualTo(200);
            assertThat(image.header("Content-Type")).isEqualTo("image/png");
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(image.body().bytes()));
            assertThat(frame.getWidth()).isEqualTo(160);
        }
    }

    @Test
    void aPeopleCountOfAnUploadedVideoAnswersWithTheJobAndCompletes() throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(temp.resolve("upload.mp4"), 2, 25, 160, 120);
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("video", "upload.mp4", RequestBody.create(Files.readAllBytes(video), MediaType.get("video/mp4"))).build();
        JsonNode accepted;
        try (Response response = call(authorized(serve.url() + "/api/people-count/").post(form).build())) {
            assertThat(response.code()).isEqualTo(202);
            accepted = JobJson.mapper().readTree(response.body().string());
        }
        assertThat(accepted.path("job_type").asText()).isEqualTo("people-count");
        long jobId = accepted.path("data").path("id").asLong();

        JsonNode job = pollUntilEnded("/api/jobs/" + jobId + "/");

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("results").path("person_count").isInt()).isTrue();
    }

    @Test
    void eventsStreamTheJobAsItChangesAndTheWorkersMemory() throws Exception {
        List<String[]> events = new CopyOnWriteArrayList<>();
        OkHttpClient streaming = http.newBuilder().callTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(60)).build();
        Response stream = streaming.newCall(authorized(serve.url() + "/api/events/").header("Accept", "text/event-stream").build()).execute();
        assertThat(stream.code()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> readEvents(stream, events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        long jobId;
        try (Response response = call(post("/api/get-youtube-frame/", "{\"youtube_url\":\"" + videos.url("/clip.mp4") + "\"}"))) {
            jobId = JobJson.mapper().readTree(response.body().string()).path("data").path("job_id").asLong();
        }
        try {
            Instant giveUp = Instant.now().plusSeconds(60);
            // A frame of a short clip can be done before the worker's memory is first sampled (once a second).
            while (Instant.now().isBefore(giveUp) && !(hasJobEvent(events, jobId, "completed") && hasMemoryOf(events, "w1"))) {
                Thread.sleep(100);
            }
            assertThat(hasJobEvent(events, jobId, "pending")).as("the job as it was submitted").isTrue();
            assertThat(hasJobEvent(events, jobId, "completed")).as("and as it completed").isTrue();
            assertThat(hasMemoryOf(events, "w1")).as("the worker's memory").isTrue();
        } finally {
            stream.close();
        }
    }

    private static boolean hasMemoryOf(List<String[]> events, String worker) {
        return events.stream().anyMatch(event -> event[0].equals("memory") && event[1].contains("\"worker\":\"" + worker + "\""));
    }

    private static boolean hasJobEvent(List<String[]> events, long jobId, String status) {
        return events.stream().anyMatch(event -> event[0].equals("job") && event[1].startsWith("{\"id\":" + jobId + ",")
                && event[1].contains("\"status\":\"" + status + "\""));
    }

    /** Reads {@code event:} and {@code data:} lines into (name, data) pairs until the stream ends. */
    private static void readEvents(Response stream, List<String[]> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body().byteStream(), StandardCharsets.UTF_8))) {
            String name = "message";
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name, line.substring(5).strip()});
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        }
    }

    @Test
    void withoutTheTokenNothingButTheHealthCheckAnswers() throws Exception {
        try (Response response = call(new Request.Builder().url(serve.url() + "/api/jobs/").build())) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
            assertThat(response.body().string()).contains("Authentication credentials were not provided.");
        }
        try (Response response = call(new Request.Builder().url(serve.url() + "/metrics").header("Authorization", "Bearer not-it").build())) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(JobJson.mapper().readTree(response.body().string()).path("code").asText()).isEqualTo("token_not_valid");
        }
        try (Response response = call(new Request.Builder().url(serve.url() + "/health/").build())) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(JobJson.mapper().readTree(response.body().string()).path("status").asText()).isEqualTo("ok");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("serve").resolve("serve-token")))).isEqualTo("rw-------");
    }

    @Test
    void imagesAndUploadsAreServedByJobIdOnly() throws Exception {
        // Allowed to read private links, the serve takes a path for a source; its video route still serves uploads only.
        String tokenFile = temp.resolve("serve").resolve("serve-token").toString();
        RequestBody asLink = RequestBody.create(JobJson.mapper().createObjectNode().put("youtube_url", tokenFile).toString(), JSON);
        long pathJob;
        try (Response response = call(authorized(serve.url() + "/api/people-count/").post(asLink).build())) {
            assertThat(response.code()).isEqualTo(202);
            pathJob = JobJson.mapper().readTree(response.body().string()).path("data").path("id").asLong();
        }
        for (String path : new String[] {"/api/jobs/1/image/../../serve-token", "/api/jobs/abc/image/", "/api/jobs/999/image/",
                "/api/jobs/1/image/99/", "/api/media/serve-token", "/api/jobs/1/video/", "/api/jobs/" + pathJob + "/video/",
                "/api/jobs/" + pathJob + "/video/../../../serve-token", "/api/jobs/%2e%2e/video/"}) {
            try (Response response = call(authorized(serve.url() + path).build())) {
                assertThat(response.code()).as(path).isEqualTo(404);
                assertThat(response.body().string()).as(path).doesNotContain(token);
            }
        }
    }

    @Test
    void malformedAndMissingInputsAreRefusedInTheServersOwnWords() throws Exception {
        try (Response response = call(post("/api/get-youtube-frame/", "{\"youtube_url\": "))) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(JobJson.mapper().readTree(response.body().string()).path("detail").asText()).startsWith("JSON parse error");
        }
        try (Response response = call(post("/api/get-youtube-frame/", "{}"))) {
            assertThat(response.code()).isEqualTo(400);
            JsonNode error = JobJson.mapper().readTree(response.body().string()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("MISSING_URL");
            assertThat(error.path("message").asText()).isEqualTo("youtube_url is required");
        }
        try (Response response = call(authorized(serve.url() + "/api/get-youtube-frame/").build())) {
            assertThat(response.code()).isEqualTo(405);
            assertThat(response.body().string()).contains("Method \\\"GET\\\" not allowed.");
        }
    }

    @Test
    void thePoolIsChangedOnlyAsAskedForAndJobsOnlyFromStatesThatAllowIt() throws Exception {
        Map<String, String> refusals = Map.of(
                "{}", "Give workers (a number of workers) or paused (true or false)",
                "{\"workers\": 0}", "workers must be a whole number from 1 to 64",
                "{\"workers\": 65}", "workers must be a whole number from 1 to 64",
                "{\"workers\": 1.5}", "workers must be a whole number from 1 to 64",
                "{\"workers\": \"two\"}", "workers must be a whole number from 1 to 64",
                "{\"paused\": \"yes\"}", "paused must be true or false");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            try (Response response = call(post("/api/pool/", refusal.getKey()))) {
                assertThat(response.code()).as(refusal.getKey()).isEqualTo(400);
                JsonNode error = JobJson.mapper().readTree(response.body().string()).path("error");
                assertThat(error.path("code").asText()).isEqualTo("INVALID_INPUT");
                assertThat(error.path("message").asText()).as(refusal.getKey()).isEqualTo(refusal.getValue());
            }
        }
        try (Response response = call(authorized(serve.url() + "/api/pool/").build())) {
            assertThat(JobJson.mapper().readTree(response.body().string()).path("workers").asInt()).as("unchanged").isEqualTo(1);
        }

        long jobId;
        try (Response response = call(post("/api/get-youtube-frame/", "{\"youtube_url\": \"" + videos.url("/clip.mp4") + "\"}"))) {
            jobId = JobJson.mapper().readTree(response.body().string()).path("data").path("job_id").asLong();
        }
        assertThat(pollUntilEnded("/api/jobs/" + jobId + "/").path("status").asText()).isEqualTo("completed");
        try (Response response = call(post("/api/jobs/" + jobId + "/retry/", "{}"))) {
            assertThat(response.code()).isEqualTo(409);
            JsonNode error = JobJson.mapper().readTree(response.body().string()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("INVALID_STATE");
            assertThat(error.path("message").asText()).isEqualTo("Job " + jobId + " is neither failed nor cancelled.");
        }
        try (Response response = call(post("/api/jobs/" + jobId + "/cancel/", "{}"))) {
            assertThat(response.code()).isEqualTo(409);
            assertThat(response.body().string()).contains("has already ended");
        }
    }

    @Test
    void metricsCountTheJobsThatRan() throws Exception {
        JsonNode accepted;
        try (Response response = call(post("/api/get-youtube-frame/", "{\"youtube_url\":\"" + videos.url("/clip.mp4") + "\"}"))) {
            accepted = JobJson.mapper().readTree(response.body().string());
        }
        pollUntilEnded(accepted.path("polling_url").asText());
        int framesDone = 0;
        try (Response jobs = call(authorized(serve.url() + "/api/jobs/").build())) {
            for (JsonNode job : JobJson.mapper().readTree(jobs.body().string())) {
                if (job.path("job_type").asText().equals("youtube_frame_extraction") && job.path("status").asText().equals("completed")) {
                    framesDone++;
                }
            }
        }

        ParsedScrape scrape;
        try (Response response = call(authorized(serve.url() + "/metrics").build())) {
            assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            scrape = ParsedScrape.of(response.body().string());
        }
        Histogram runtimes = scrape.series("intellivision_job_runtime_seconds", Histogram.class, "job_type", "youtube_frame_extraction");
        assertThat(runtimes.getSampleCount()).isEqualTo(framesDone);
        assertThat(scrape.series("intellivision_jobs", Gauge.class, "state", "completed").getValue()).isGreaterThanOrEqualTo(framesDone);
        assertThat(scrape.series("intellivision_worker_rss_bytes", Gauge.class, "worker", "w1").getValue()).isGreaterThan(10e6);
    }

    private static JsonNode pollUntilEnded(String pollingUrl) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            try (Response response = call(authorized(serve.url() + pollingUrl).build())) {
                assertThat(response.code()).isEqualTo(200);
                JsonNode job = JobJson.mapper().readTree(response.body().string());
                String status = job.path("status").asText();
                if (status.equals("completed") || status.equals("failed")) {
                    return job;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the job did not end within a minute");
    }

    private static Request post(String path, String json) {
        return authorized(serve.url() + path).post(RequestBody.create(json, JSON)).build();
    }

    private static Request.Builder authorized(String url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static Response call(Request request) throws IOException {
        return http.newCall(request).execute();
    }
}
