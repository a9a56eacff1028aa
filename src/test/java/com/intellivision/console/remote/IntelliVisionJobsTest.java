package com.intellivision.console.remote;

import static com.intellivision.console.remote.Transcripts.ALLOW_JOB;
import static com.intellivision.console.remote.Transcripts.ALLOW_LIST;
import static com.intellivision.console.remote.Transcripts.ALLOW_ME;
import static com.intellivision.console.remote.Transcripts.html;
import static com.intellivision.console.remote.Transcripts.json;
import static com.intellivision.console.remote.Transcripts.parse;
import static com.intellivision.console.remote.Transcripts.server;
import static com.intellivision.console.remote.Transcripts.serverJson;
import static com.intellivision.console.remote.Transcripts.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.ProgressDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntelliVisionJobsTest {

    private MockWebServer server;
    private IntelliVisionClient client;

    @BeforeEach
    void start() throws IOException {
        server = Transcripts.startLoopbackServer();
        client = new IntelliVisionClient(urlOf(server, "/"), new RecordingCredentials(Tokens.ACCESS, null));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void followsAFrameFromPendingThroughProcessingToCompleted() throws Exception {
        server.enqueue(json(200, server("job_6_pending.json"), ALLOW_JOB));
        server.enqueue(json(200, server("job_6_processing.json"), ALLOW_JOB));
        server.enqueue(json(200, server("job_6_completed.json"), ALLOW_JOB));

        Job pending = client.job(6).orElseThrow().job();
        Job processing = client.job(6).orElseThrow().job();
        ServerJob completed = client.job(6).orElseThrow();

        RecordedRequest poll = server.takeRequest();
        assertThat(poll.getMethod()).isEqualTo("GET");
        assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/jobs/6/");
        assertThat(poll.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(poll.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.ACCESS);
        assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
        assertThat(pending.attempts()).isZero();
        assertThat(pending.results()).isNull();
        assertThat(processing.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(processing.attempts()).isEqualTo(1);
        assertThat(processing.updatedAt()).isEqualTo(Instant.parse("2026-11-24T09:28:56.975447Z"));

        Job done = completed.job();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.error()).isNull();
        assertThat(done.outputImage()).isNull();
        assertThat(done.youtubeUrl()).isEqualTo("http://127.0.0.1:8091/page3.html");
        assertThat(done.taskId()).isEqualTo("5ab0b6c5-8357-4cb1-b906-d6470741678e");
        // The server's processing_time is the Unix time it finished (1795512541.06): it becomes how long it took.
        assertThat(done.results().path("processing_time").asDouble()).isCloseTo(7.739083, within(1e-6));
        assertThat(done.results().path("method").asText()).isEqualTo("thumbnail");
        assertThat(done.results().path("title").asText()).isEqualTo("Loopback test video");
        assertThat(completed.imageUrls()).containsExactly(
                "http://127.0.0.1:8000/api/media/api/media/thumbnails/yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg",
                urlOf(server, "/api/media/thumbnails/yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg"));
    }

    @Test
    void mapsAFailedPeopleCountWithItsErrorTypeAndTraceback() {
        server.enqueue(json(200, server("job_8_people_count_failed.json"), ALLOW_JOB));

        Job job = client.job(8).orElseThrow().job();

        assertThat(job.type()).isEqualTo(JobType.PEOPLE_COUNT);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("ModuleNotFoundError: No module named 'boxmot'");
        assertThat(job.traceback()).startsWith("Traceback (most recent call last):\n")
                .endsWith("ModuleNotFoundError: No module named 'boxmot'\n");
        assertThat(job.youtubeUrl()).isEqualTo("http://127.0.0.1:8000/api/media/uploads/people-count_758bd7fd10c1442eb10ba415bebba337.mp4");
        assertThat(job.taskId()).isEqualTo("07e98941-0379-494b-8e7a-c126a290f2f0");
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.results().path("error_time").asText()).isEqualTo("2026-11-24T09:29:29.741820");
        assertThat(job.outputVideo()).isNull();
        assertThat(job.retryOf()).isNull();
    }

    @Test
    void mapsAFailedFrameWithoutAnErrorTypeToItsErrorAlone() {
        server.enqueue(json(200, server("job_1_frame_failed.json"), ALLOW_JOB));

        Job job = client.job(1).orElseThrow().job();

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("Could not extract frame from video");
        assertThat(job.traceback()).isNull();
    }

    @Test
    void saysSoWhenTheServerGivesNoReasonForAFailure() {
        ObjectNode failed = serverJson("job_1_frame_failed.json");
        failed.putNull("results");
        server.enqueue(json(200, failed.toString(), ALLOW_JOB));

        assertThat(client.job(1).orElseThrow().job().error()).isEqualTo("The server marked the job failed without saying why.");
    }

    @Test
    void takesACompletedJobWhoseAnalysisReportedAnErrorForAFailure() {
        ObjectNode completed = serverJson("job_8_people_count_failed.json").put("status", "completed");
        server.enqueue(json(200, completed.toString(), ALLOW_JOB));

        Job job = client.job(8).orElseThrow().job();

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("The analysis reported an error: No module named 'boxmot'");
        assertThat(job.traceback()).contains("from boxmot import BotSort, ByteTrack");
    }

    @Test
    void readsTheServersProgressFigures() {
        ObjectNode processing = serverJson("job_6_processing.json");
        processing.putObject("progress").put("processed_frames", 120).put("total_frames", 480).put("percentage", 25.0)
                .put("estimated_time_remaining", 36.5).put("current_fps", 10.0);
        server.enqueue(json(200, processing.toString(), ALLOW_JOB));

        EngineEvent.JobProgress progress = client.job(6).orElseThrow().progress();

        assertThat(progress).isEqualTo(new EngineEvent.JobProgress(6, 25.0, "processing", new ProgressDetails(120L, 480L, 36.5, 10.0, null)));
    }

    @Test
    void answersNoJobWhenTheServerHasNone() throws Exception {
        server.enqueue(json(404, server("not_found.json"), ALLOW_JOB));

        Optional<ServerJob> job = client.job(9999);

        assertThat(job).isEmpty();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/jobs/9999/");
    }

    @Test
    void listsTheJobsNewestFirstWithoutThoseOfUnknownTypes() throws Exception {
        ArrayNode list = (ArrayNode) parse(server("jobs_list.json"));
        ObjectNode newer = ((ObjectNode) list.get(1).deepCopy()).put("id", 10).put("job_type", "license-plate-recognition");
        list.insert(0, newer);
        list.insert(0, newer.deepCopy().put("id", 11));
        server.enqueue(json(200, list.toString(), ALLOW_LIST));

        List<ServerJob> jobs = client.jobs();

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/jobs/");
        assertThat(jobs).extracting(job -> job.job().id()).containsExactly(8L, 6L, 5L, 4L, 3L);
        assertThat(jobs.get(0).job().status()).isEqualTo(JobStatus.FAILED);
        Job job4 = jobs.get(3).job();
        assertThat(job4.results().path("processing_time").asDouble()).isCloseTo(4.085034, within(1e-6));
        assertThat(job4.createdAt()).isEqualTo(Instant.parse("2026-11-24T09:28:52.480228Z"));
    }

    @Test
    void deletesAJob() throws Exception {
        server.enqueue(json(200, server("job_1_deleted.json"), ALLOW_JOB));

        client.delete(1);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/jobs/1/");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.ACCESS);
    }

    @Test
    void explainsWhyTheServerCouldNotDeleteAJobAndDoesNotTryAgain() {
        server.enqueue(json(500, server("job_deletion_failed.json"), ALLOW_JOB));

        assertThatThrownBy(() -> client.delete(9999)).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.SERVER_ERROR);
            assertThat(e.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.getMessage()).contains("The server could not delete job 9999")
                    .contains("(Internal server error during job deletion, INTERNAL_ERROR)")
                    .contains("jobs that no longer exist, belong to another user or are completed frame jobs");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tellsWhoTheAccessTokenBelongsTo() throws Exception {
        server.enqueue(json(200, server("me.json"), ALLOW_ME));

        assertThat(client.me()).isEqualTo(new UserInfo(1, "ivtest", "ivtest@example.com"));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/me/");
    }

    @Test
    void downloadsAnImageGivenAsAServerPathWholeOrNotAtAll(@TempDir Path folder) throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, (byte) 0xFF, (byte) 0xD9};
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .setHeader("Content-Disposition", "inline; filename=\"yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg\"")
                .setHeader("Vary", "Origin").body(new okio.Buffer().write(jpeg)).build());
        Path target = folder.resolve("frames").resolve("6.jpg");

        client.download("/api/media/thumbnails/yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg", target);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/media/thumbnails/yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.ACCESS);
        assertThat(Files.readAllBytes(target)).isEqualTo(jpeg);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void reportsTheBrokenOutputImageUrlAsNotFoundWithoutItsPage(@TempDir Path folder) {
        server.enqueue(html(404, server("page_not_found.html")));
        Path target = folder.resolve("6.jpg");

        assertThatThrownBy(() -> client.download(urlOf(server, "/api/media/api/media/thumbnails/yt_thumb_c8aefa83386948f2be8ac83a3ec0c462.jpg"), target))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("has nothing at /api/media/api/media/thumbnails/")
                            .doesNotContain("<", "Page not found", "URLconf");
                });
        assertThat(target).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void neverSendsTheTokenToAnotherServer(@TempDir Path folder) throws Exception {
        try (MockWebServer media = Transcripts.startLoopbackServer()) {
            media.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body("png").build());

            client.download(urlOf(media, "/thumbnails/6.png"), folder.resolve("6.png"));

            assertThat(media.takeRequest().getHeaders().get("Authorization")).isNull();
        }
    }
}
