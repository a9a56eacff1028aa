package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
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
 * A {@code serve} started as it is by default, without {@code --allow-private-urls}: links to this
 * machine, its networks and its files are refused before any job is made, and nothing fetches them.
 */
class ServeRefusalsTest {

    @TempDir
    static Path temp;

    private static LoopbackHttpServer videos;
    private static ServeProcess serve;
    private static final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void startServe() throws Exception {
        videos = LoopbackHttpServer.servingClip(temp);
        serve = ServeProcess.start(temp.resolve("serve"));
    }

    @AfterAll
    static void stopServe() throws Exception {
        serve.close();
        videos.close();
    }

    @Test
    void loopbackPrivateAndFileLinksAreRefusedAndNeverFetched() throws Exception {
        String[] refused = {videos.url("/clip.mp4"), "http://localhost:" + serve.port() + "/health/", "http://0x7f.1/clip.mp4",
            // Only loopback here: were the guard broken, nothing else may be reached. Other ranges: SubmittedUrlsTest, with a stub resolver.
            "http://[::1]:" + serve.port() + "/clip.mp4", "file:///etc/passwd",
            "/etc/passwd", temp.resolve("media/clip.mp4").toString()};
        for (String link : refused) {
            JsonNode answer = submit("/api/get-youtube-frame/", link, 400);
            assertThat(answer.path("status").asText()).as(link).isEqualTo("failed");
            assertThat(answer.path("error").path("code").asText()).as(link).isIn("PRIVATE_URL_REFUSED", "INVALID_YOUTUBE_URL");
            assertThat(answer.path("error").path("message").asText()).as(link).isNotBlank();
        }
        JsonNode count = submit("/api/people-count/", videos.url("/clip.mp4"), 400);
        assertThat(count.path("error").path("message").asText()).contains("--allow-private-urls");

        assertThat(videos.requestedPaths()).as("nothing fetched the loopback video").isEmpty();
        try (Response jobs = http.newCall(authorized("/api/jobs/").build()).execute()) {
            assertThat(JobJson.mapper().readTree(jobs.body().string())).as("no job was made").isEmpty();
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefused() throws Exception {
        String huge = "{\"youtube_url\":\"" + "x".repeat((int) ServeOptions.DEFAULT_MAX_JSON_BYTES) + "\"}";
        try (Response response = http.newCall(authorized("/api/get-youtube-frame/")
                .post(RequestBody.create(huge, MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).isEqualTo(413);
        }
    }

    private static JsonNode submit(String path, String link, int expectedStatus) throws Exception {
        String body = JobJson.mapper().createObjectNode().put("youtube_url", link).toString();
        try (Response response = http.newCall(authorized(path).post(RequestBody.create(body, MediaType.get("application/json"))).build())
                .execute()) {
            assertThat(response.code()).as(link).isEqualTo(expectedStatus);
            return JobJson.mapper().readTree(response.body().string());
        }
    }

    private static Request.Builder authorized(String path) throws Exception {
        return new Request.Builder().url(serve.url() + path).header("Authorization", "Bearer " + serve.token());
    }
}
