package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/jobs/<id>/retry/} with edited inputs, over real HTTP on loopback, on a real pool:
 * one server admits links to this machine (as with {@code --allow-private-urls}), the other guards
 * links as a serve does by default.
 */
class ServeRetryRouteTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOKEN = "retry-token";

    @TempDir
    static Path temp;

    private static LoopbackHttpServer videos;
    private static LocalDeployment pool;
    private static ApiServer lab;
    private static ApiServer guarded;
    private static final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void start() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("videos"));
        TestVideos.writeFrameCodedVideo(folder.resolve("clip.mp4"), 3, 25, 160, 120);
        videos = LoopbackHttpServer.serving(folder);
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1);
        pool = LocalDeployment.start(config);
        lab = ApiServer.start(pool, temp.resolve("pool"), config.framesDir(), AccessToken.of(TOKEN), ServeOptions.onPort(0), LinkCheck.ANY);
        guarded = ApiServer.start(pool, temp.resolve("pool"), config.framesDir(), AccessToken.of(TOKEN), ServeOptions.onPort(0),
                LinkCheck.publicOnly());
    }

    @AfterAll
    static void stop() {
        guarded.close();
        lab.close();
        pool.close();
        videos.close();
    }

    @Test
    void anEditedRetryAnswersANewJobLinkedToTheOldOneWhichStaysAsItWas() throws Exception {
        Job failed = failedJob("/moved/clip.mp4");
        String body = "{\"youtube_url\": \"" + videos.url("/clip.mp4") + "\", \"params\": {\"at_seconds\": 2}}";

        JsonNode answer = post(lab, "/api/jobs/" + failed.id() + "/retry/", body, 202);

        JsonNode data = answer.path("data");
        long newId = data.path("id").asLong();
        assertThat(answer.path("status").asText()).isEqualTo("pending");
        assertThat(newId).isNotEqualTo(failed.id());
        assertThat(data.path("retry_of").asLong()).isEqualTo(failed.id());
        assertThat(data.path("youtube_url").asText()).isEqualTo(videos.url("/clip.mp4"));
        assertThat(data.path("params").path("at_seconds").asDouble()).isEqualTo(2.0);
        assertThat(pool.awaitTerminal(newId, TIMEOUT).results().path("timestamp").asDouble()).isBetween(1.9, 2.1);
        JsonNode listed = get(lab, "/api/jobs/" + newId + "/");
        assertThat(listed.path("status").asText()).isEqualTo("completed");
        assertThat(listed.path("retry_of").asLong()).isEqualTo(failed.id());
        JsonNode old = get(lab, "/api/jobs/" + failed.id() + "/");
        assertThat(old.path("status").asText()).isEqualTo("failed");
        assertThat(old.path("retry_of").isNull()).isTrue();
        assertThat(pool.job(failed.id())).contains(failed);
    }

    @Test
    void withoutEditsTheJobIsStillRetriedInPlace() throws Exception {
        Job failed = failedJob("/gone/clip.mp4");

        JsonNode answer = post(lab, "/api/jobs/" + failed.id() + "/retry/", "{}", 200);

        assertThat(answer.path("data").path("id").asLong()).isEqualTo(failed.id());
        assertThat(answer.path("data").path("retry_of").isNull()).isTrue();
    }

    @Test
    void invalidEditsAreRefusedWith400SayingWhyAndMakeNoJob() throws Exception {
        Job failed = failedJob("/missing/clip.mp4");
        int jobsBefore = pool.recentJobs(1000).size();
        String path = "/api/jobs/" + failed.id() + "/retry/";

        JsonNode negative = post(lab, path, "{\"params\": {\"at_seconds\": -1}}", 400).path("error");
        assertThat(negative.path("code").asText()).isEqualTo("INVALID_PARAMS");
        assertThat(negative.path("message").asText()).isEqualTo("The timestamp must be zero or more seconds, not -1.0.");
        assertThat(post(lab, path, "{\"params\": {\"count\": 500}}", 400).path("error").path("message").asText())
                .isEqualTo("A filmstrip has 1 to 100 frames, not 500.");
        assertThat(post(lab, path, "{\"params\": \"at 90\"}", 400).path("error").path("code").asText()).isEqualTo("INVALID_PARAMS");
        assertThat(post(lab, path, "{\"youtube_url\": \"\"}", 400).path("error").path("code").asText()).isEqualTo("MISSING_URL");
        assertThat(post(lab, "/api/jobs/987654/retry/", "{\"params\": {\"at_seconds\": 1}}", 404).path("detail").asText()).isEqualTo("Not found.");

        assertThat(pool.recentJobs(1000)).hasSize(jobsBefore);
    }

    @Test
    void aPeopleCountCannotBeGivenAnotherDetectorFile() throws Exception {
        Job failed = pool.awaitTerminal(pool.submit(JobRequest.count(videos.url("/nowhere/clip.mp4"), null)).id(), TIMEOUT);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);

        JsonNode error = post(lab, "/api/jobs/" + failed.id() + "/retry/", "{\"params\": {\"detector_model\": \"/etc/passwd\"}}", 400)
                .path("error");

        assertThat(error.path("message").asText()).contains("its own detector");
        assertThat(pool.job(failed.id())).contains(failed);
    }

    @Test
    void theLinkGuardRefusesPrivateAndFileLinksInAnEditAsInASubmission() throws Exception {
        Job failed = failedJob("/lost/clip.mp4");
        int jobsBefore = pool.recentJobs(1000).size();
        String path = "/api/jobs/" + failed.id() + "/retry/";

        JsonNode loopback = post(guarded, path, "{\"youtube_url\": \"" + videos.url("/clip.mp4") + "\"}", 400).path("error");
        assertThat(loopback.path("code").asText()).isEqualTo("PRIVATE_URL_REFUSED");
        assertThat(post(guarded, path, "{\"youtube_url\": \"file:///etc/passwd\"}", 400).path("error").path("code").asText())
                .isIn("PRIVATE_URL_REFUSED", "INVALID_YOUTUBE_URL");
        // The job's own link is checked again too: keeping it is no way around the guard.
        assertThat(post(guarded, path, "{\"params\": {\"at_seconds\": 1}}", 400).path("error").path("code").asText())
                .isEqualTo("PRIVATE_URL_REFUSED");

        assertThat(pool.recentJobs(1000)).hasSize(jobsBefore);
    }

    @Test
    void aJobThatHasNotEndedIsNotRetriedWithEdits() throws Exception {
        pool.pause();
        try {
            Job waiting = pool.submit(JobRequest.frame(videos.url("/clip.mp4"), null));

            JsonNode error = post(lab, "/api/jobs/" + waiting.id() + "/retry/", "{\"params\": {\"at_seconds\": 1}}", 409).path("error");

            assertThat(error.path("code").asText()).isEqualTo("INVALID_STATE");
            pool.cancel(waiting.id());
        } finally {
            pool.resume();
        }
    }

    private static Job failedJob(String missingPath) throws Exception {
        Job failed = pool.awaitTerminal(pool.submit(JobRequest.frame(videos.url(missingPath), FrameParams.at(1.0))).id(), TIMEOUT);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        return failed;
    }

    private static JsonNode post(ApiServer server, String path, String body, int expectedStatus) throws Exception {
        Request request = authorized(server, path).post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            assertThat(response.code()).as(text).isEqualTo(expectedStatus);
            return JobJson.mapper().readTree(text);
        }
    }

    private static JsonNode get(ApiServer server, String path) throws Exception {
        try (Response response = http.newCall(authorized(server, path).get().build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JobJson.mapper().readTree(response.body().string());
        }
    }

    private static Request.Builder authorized(ApiServer server, String path) {
        return new Request.Builder().url("http://127.0.0.1:" + server.port() + path).header("Authorization", "Bearer " + TOKEN);
    }
}
