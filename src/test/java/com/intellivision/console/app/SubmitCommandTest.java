package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code submit TYPE}: every kind of job with its inputs, as the server receives them. */
class SubmitCommandTest extends CommandsOnFakeServer {

    @Test
    void sendsTheTwoLinesOfAnEmergencyCountAsJsonInAStringWithTheirFrameSize() throws Exception {
        CommandRun run = remote.run("submit", "emergency-count", "https://www.youtube.com/watch?v=exit",
                "--line", "0,360,1280,360", "--line", "640,0,640.5,720", "--video-size", "1280x720");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(JobJson.mapper().readTree(run.stdout()).get("job_type").asText()).isEqualTo("emergency-count");
        JsonNode sent = onlyBodySentTo("/api/emergency-count/");
        assertThat(sent.get("emergency_lines").isTextual()).as("the server reads it with json.loads").isTrue();
        JsonNode lines = JobJson.mapper().readTree(sent.get("emergency_lines").asText());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("start_y").asDouble()).isEqualTo(360);
        assertThat(lines.get(0).get("end_x").asDouble()).isEqualTo(1280);
        assertThat(lines.get(1).get("end_x").asDouble()).isEqualTo(640.5);
        assertThat(sent.get("video_width").asInt()).isEqualTo(1280);
        assertThat(sent.get("video_height").asInt()).isEqualTo(720);
    }

    @Test
    void sendsTheZonesOfALobbyDetectionByName() throws Exception {
        CommandRun run = remote.run("submit", "Lobby_Detection", "https://www.youtube.com/watch?v=lobby", "--video-size", "640x360",
                "--zone", "desk:0,0;320,0;320,180@5", "--zone", "door: 400,200; 640,200; 640,360; 400,360 @ 2");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode sent = onlyBodySentTo("/api/lobby-detection/");
        JsonNode zones = JobJson.mapper().readTree(sent.get("lobby_zones").asText());
        assertThat(zones.get("desk").get("threshold").asInt()).isEqualTo(5);
        assertThat(zones.get("desk").get("points")).hasSize(3);
        assertThat(zones.get("door").get("points").get(3).get(0).asDouble()).isEqualTo(400);
        assertThat(zones.get("door").get("threshold").asInt()).isEqualTo(2);
        assertThat(sent.get("video_width").asInt()).isEqualTo(640);
    }

    @Test
    void runsAnyOtherTypeByItsWireName() throws Exception {
        CommandRun run = remote.run("submit", "car-count", "https://www.youtube.com/watch?v=cars");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(JobJson.mapper().readTree(run.stdout()).get("status").asText()).isEqualTo("completed");
        assertThat(server.requestsTo("/api/car-count/")).hasSize(1);
    }

    @Test
    void refusesLinesThatDoNotMakeAnEmergencyCount() {
        CommandRun oneLine = remote.run("submit", "emergency-count", "https://youtu.be/x", "--line", "0,0,10,10", "--video-size", "100x100");
        CommandRun noSize = remote.run("submit", "emergency-count", "https://youtu.be/x", "--line", "0,0,10,10", "--line", "0,5,10,5");
        CommandRun outside = remote.run("submit", "emergency-count", "https://youtu.be/x", "--line", "0,0,10,10", "--line", "0,5,500,5",
                "--video-size", "100x100");
        CommandRun notAnEmergency = remote.run("submit", "car-count", "https://youtu.be/x", "--line", "0,0,10,10");

        assertThat(oneLine.exitCode()).isEqualTo(2);
        assertThat(oneLine.stderr()).contains("emergency-count needs exactly 2 --line options");
        assertThat(noSize.stderr()).contains("--line needs --video-size WxH");
        assertThat(outside.stderr()).contains("a line leaves the 100 × 100 frame");
        assertThat(notAnEmergency.stderr()).contains("--line is for emergency-count only, not car-count.");
        assertThat(server.requestsTo("/api/emergency-count/")).isEmpty();
    }

    @Test
    void refusesAZoneThatIsNotWrittenAsOne() {
        CommandRun run = remote.run("submit", "lobby-detection", "https://youtu.be/x", "--video-size", "640x360", "--zone", "desk:0,0;10@x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("'desk:0,0;10@x' is not a zone NAME:X,Y;X,Y;X,Y@THRESHOLD");
        assertThat(run.stderr().lines().count()).as("no usage dump").isLessThanOrEqualTo(2);
    }

    @Test
    void namesTheTypesWhenOneIsUnknown() {
        CommandRun run = remote.run("submit", "cars", "https://youtu.be/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("'cars' is not a job type; choose one of frame (youtube_frame_extraction), people-count, car-count");
    }

    @Test
    void theLocalPoolRefusesATypeOnlyAServerRuns() {
        CommandRun run = CommandRun.of("submit", "car-count", "https://youtu.be/x", "--data-dir", temp.resolve("local").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("The local pool cannot run car count jobs; only an IntelliVision server runs them.")
                .contains("--deployment NAME or --server URL --token-file FILE");
    }

    private JsonNode onlyBodySentTo(String path) throws Exception {
        assertThat(server.requestsTo(path)).hasSize(1);
        RecordedRequest request = server.requestsTo(path).get(0);
        return JobJson.mapper().readTree(request.getBody().utf8());
    }
}
