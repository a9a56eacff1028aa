package com.intellivision.console.remote;

import static com.intellivision.console.remote.Transcripts.ALLOW_POST;
import static com.intellivision.console.remote.Transcripts.html;
import static com.intellivision.console.remote.Transcripts.json;
import static com.intellivision.console.remote.Transcripts.parse;
import static com.intellivision.console.remote.Transcripts.server;
import static com.intellivision.console.remote.Transcripts.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.LobbyZones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntelliVisionSubmitTest {

    private static final String VIDEO_LINK = "http://127.0.0.1:8090/test.mp4";

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
    void submitsAFrameByLinkAndBuildsThePendingJobFromTheAnswer() throws Exception {
        server.enqueue(json(202, server("frame_submitted.json"), ALLOW_POST));

        ServerJob submitted = client.submit(JobRequest.frame("http://127.0.0.1:8091/page3.html", FrameParams.at(12.5)));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/get-youtube-frame/");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.ACCESS);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        // The frame's own settings (at_seconds) are the console's, not the server's.
        assertThat(parse(request.getBody().utf8())).isEqualTo(parse("{\"youtube_url\":\"http://127.0.0.1:8091/page3.html\"}"));

        Job job = submitted.job();
        assertThat(job.id()).isEqualTo(6);
        assertThat(job.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.youtubeUrl()).isEqualTo("http://127.0.0.1:8091/page3.html");
        assertThat(job.taskId()).isEqualTo("5ab0b6c5-8357-4cb1-b906-d6470741678e");
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-24T09:28:53.327633Z")).isEqualTo(job.updatedAt());
        assertThat(job.attempts()).isZero();
        assertThat(job.results()).isNull();
        assertThat(submitted.progress()).isNull();
        assertThat(submitted.imageUrls()).isEmpty();
    }

    @Test
    void submitsAPeopleCountByLinkAndMapsTheJobInTheAnswer() throws Exception {
        server.enqueue(json(202, server("people_count_submitted.json"), ALLOW_POST));

        ServerJob submitted = client.submit(JobRequest.count(VIDEO_LINK, null));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/people-count/");
        assertThat(parse(request.getBody().utf8())).isEqualTo(parse("{\"youtube_url\":\"" + VIDEO_LINK + "\"}"));
        Job job = submitted.job();
        assertThat(job.id()).isEqualTo(7);
        assertThat(job.type()).isEqualTo(JobType.PEOPLE_COUNT);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.youtubeUrl()).isEqualTo(VIDEO_LINK);
        assertThat(job.taskId()).isEqualTo("25c27956-c377-431c-8e29-cacb216c92bb");
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-24T09:29:16.888987Z"));
        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-11-24T09:29:16.894680Z"));
        assertThat(job.params()).isEmpty();
        assertThat(job.error()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = JobType.class, names = {"YOUTUBE_FRAME_EXTRACTION", "FOOD_WASTE_ESTIMATION"}, mode = EnumSource.Mode.EXCLUDE)
    void postsEachAnalysisByLinkToItsOwnEndpoint(JobType type) throws Exception {
        server.enqueue(json(202, accepted(type), ALLOW_POST));

        ServerJob submitted = client.submit(JobRequest.analysis(type, VIDEO_LINK, null));

        Map<JobType, String> endpoints = new HashMap<>(Map.of(
                JobType.PEOPLE_COUNT, "/api/people-count/", JobType.CAR_COUNT, "/api/car-count/",
                JobType.EMERGENCY_COUNT, "/api/emergency-count/", JobType.LOBBY_DETECTION, "/api/lobby-detection/",
                JobType.PARKING_ANALYSIS, "/api/parking-analysis/", JobType.POTHOLE_DETECTION, "/api/pothole-detection/video/",
                JobType.ROOM_READINESS, "/api/room-readiness/", JobType.WILDLIFE_DETECTION, "/api/wildlife-detection/video/"));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(endpoints.get(type));
        assertThat(submitted.job().type()).isEqualTo(type);
    }

    @Test
    void uploadsALocalVideoAsThePartVideo(@TempDir Path folder) throws Exception {
        byte[] video = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3, (byte) 0xFF};
        Path file = Files.write(folder.resolve("lobby camera.mp4"), video);
        server.enqueue(json(202, server("people_count_uploaded.json"), ALLOW_POST));

        ServerJob submitted = client.submit(JobRequest.count(file.toString(), null));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/people-count/");
        List<FormPart> parts = formParts(request);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).disposition()).isEqualTo("form-data; name=\"video\"; filename=\"lobby camera.mp4\"");
        assertThat(parts.get(0).contentType()).isEqualTo("video/mp4");
        assertThat(parts.get(0).bytes()).isEqualTo(video);
        // The answer names the upload relative to the server.
        assertThat(submitted.job().youtubeUrl())
                .isEqualTo(urlOf(server, "/api/media/uploads/people-count_758bd7fd10c1442eb10ba415bebba337.mp4"));
        assertThat(submitted.job().id()).isEqualTo(8);
    }

    @Test
    void uploadsAPictureGivenAsAFileUriAsThePartImageToTheImageEndpoint(@TempDir Path folder) throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        Path file = Files.write(folder.resolve("deer.JPG"), jpeg);
        server.enqueue(json(202, accepted(JobType.WILDLIFE_DETECTION), ALLOW_POST));

        client.submit(JobRequest.analysis(JobType.WILDLIFE_DETECTION, file.toUri().toString(), null));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/wildlife-detection/image/");
        FormPart part = formParts(request).get(0);
        assertThat(part.disposition()).isEqualTo("form-data; name=\"image\"; filename=\"deer.JPG\"");
        assertThat(part.contentType()).isEqualTo("image/jpeg");
        assertThat(part.bytes()).isEqualTo(jpeg);
    }

    @Test
    void sendsEmergencyLinesAsAJsonStringAndTheFrameSizeAsNumbers() throws Exception {
        EmergencyLines lines = new EmergencyLines(List.of(
                new EmergencyLines.Line(0, 300, 640, 300), new EmergencyLines.Line(0, 200.5, 640, 180)), 640, 360);
        ObjectNode echoed = (ObjectNode) parse(accepted(JobType.EMERGENCY_COUNT));
        ((ObjectNode) echoed.path("data")).setAll(lines.toParams());
        server.enqueue(json(202, echoed.toString(), ALLOW_POST));

        ServerJob submitted = client.submit(JobRequest.analysis(JobType.EMERGENCY_COUNT, VIDEO_LINK, lines.toParams()));

        JsonNode body = parse(server.takeRequest().getBody().utf8());
        assertThat(body.path("youtube_url").asText()).isEqualTo(VIDEO_LINK);
        assertThat(body.path("emergency_lines").isTextual()).isTrue();
        JsonNode sentLines = parse(body.path("emergency_lines").asText());
        assertThat(sentLines).hasSize(2);
        assertThat(List.of(sentLines.get(0).path("start_x").asDouble(), sentLines.get(0).path("start_y").asDouble(),
                sentLines.get(0).path("end_x").asDouble(), sentLines.get(0).path("end_y").asDouble())).containsExactly(0.0, 300.0, 640.0, 300.0);
        assertThat(sentLines.get(1).path("start_y").asDouble()).isEqualTo(200.5);
        assertThat(sentLines.get(1).path("end_y").asDouble()).isEqualTo(180.0);
        assertThat(body.path("video_width").isInt()).isTrue();
        assertThat(body.path("video_width").asInt()).isEqualTo(640);
        assertThat(body.path("video_height").asInt()).isEqualTo(360);
        assertThat(body.has("lobby_zones")).isFalse();
        // The job keeps the settings the server echoes.
        assertThat(submitted.job().params().path("emergency_lines")).isEqualTo(lines.toParams().path("emergency_lines"));
        assertThat(submitted.job().params().path("video_width").asInt()).isEqualTo(640);
    }

    @Test
    void sendsLobbyZonesOfAnUploadAsFormFields(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("lobby.mp4"), new byte[] {1, 2, 3});
        LobbyZones zones = new LobbyZones(List.of(new LobbyZones.Zone("Entrance",
                List.of(new LobbyZones.Point(10, 10), new LobbyZones.Point(300, 10), new LobbyZones.Point(300, 200)), 3)), 640, 360);
        server.enqueue(json(202, accepted(JobType.LOBBY_DETECTION), ALLOW_POST));

        client.submit(JobRequest.analysis(JobType.LOBBY_DETECTION, file.toString(), zones.toParams()));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/lobby-detection/");
        Map<String, String> fields = new HashMap<>();
        for (FormPart part : formParts(request)) {
            fields.put(part.disposition(), new String(part.bytes(), StandardCharsets.UTF_8));
        }
        JsonNode sentZones = parse(fields.get("form-data; name=\"lobby_zones\""));
        assertThat(sentZones).isEqualTo(parse("{\"Entrance\":{\"points\":[[10.0,10.0],[300.0,10.0],[300.0,200.0]],\"threshold\":3}}"));
        assertThat(fields).containsEntry("form-data; name=\"video_width\"", "640").containsEntry("form-data; name=\"video_height\"", "360");
        assertThat(fields).containsKey("form-data; name=\"video\"; filename=\"lobby.mp4\"");
    }

    @Test
    void refusesAFrameFromAFileBeforeSendingAnything(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("clip.mp4"), new byte[] {1});

        assertThatThrownBy(() -> client.submit(JobRequest.frame(file.toString(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extracts frames from links only");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesAFoodWasteEstimationOfALink() {
        assertThatThrownBy(() -> client.submit(JobRequest.analysis(JobType.FOOD_WASTE_ESTIMATION, "https://example.com/plate.jpg", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("food waste only from an uploaded image or video, not from a link");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesAFileThatDoesNotExist(@TempDir Path folder) {
        String missing = folder.resolve("gone.mp4").toString();

        assertThatThrownBy(() -> client.submit(JobRequest.count(missing, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("There is no file at " + missing);
    }

    @Test
    void saysTheServerIsBusyWhenItIsAtCapacity() {
        server.enqueue(json(503, server("people_count_at_capacity.json"), ALLOW_POST));

        assertThatThrownBy(() -> client.submit(JobRequest.count(VIDEO_LINK, null)))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.BUSY);
                    assertThat(e.code()).isEqualTo("RESOURCE_UNAVAILABLE");
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage())
                            .startsWith("The server is at capacity and takes no new jobs for now; the console tries again later.")
                            .contains("System is currently at capacity. Please try again later.");
                });
    }

    @Test
    void passesOnTheServersReasonAndCodeForARejectedLink() {
        server.enqueue(json(400, server("frame_youtube_validation_error.json"), ALLOW_POST));

        assertThatThrownBy(() -> client.submit(JobRequest.frame("hello world", null)))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.REJECTED);
                    assertThat(e.code()).isEqualTo("YOUTUBE_VALIDATION_ERROR");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Could not submit the frame job:")
                            .contains("'hello world' is not a valid URL")
                            .contains("(YOUTUBE_VALIDATION_ERROR)");
                });
    }

    @Test
    void keepsDjangosHtmlErrorPagesOutOfTheMessage() {
        server.enqueue(html(500, server("append_slash_error.html")));

        assertThatThrownBy(() -> client.submit(JobRequest.count(VIDEO_LINK, null)))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.SERVER_ERROR);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("HTTP 500")
                            .doesNotContain("<", "RuntimeError", "APPEND_SLASH", "exception_value");
                });
    }

    /** The recorded people count's 202, as another analysis's endpoint would answer it. */
    private static String accepted(JobType type) {
        return server("people_count_submitted.json").replace("\"people-count\"", "\"" + type.wireName() + "\"");
    }

    private record FormPart(String disposition, String contentType, byte[] bytes) {}

    private static List<FormPart> formParts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        List<FormPart> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), type.parameter("boundary"))) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                parts.add(new FormPart(part.headers().get("Content-Disposition"), part.headers().get("Content-Type"), part.body().readByteArray()));
            }
        }
        return parts;
    }
}
