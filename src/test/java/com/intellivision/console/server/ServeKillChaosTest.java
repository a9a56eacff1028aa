package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.ChaosFigures;
import com.intellivision.console.testsupport.ChaosJobs;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.testsupport.StoreAudit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve}, its workers and itself killed with SIGKILL while jobs submitted over its API
 * run, and started again on the same data directory: the store is whole after every kill, and each
 * job ends once with exactly its outputs.
 */
class ServeKillChaosTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twelveJobsSurviveTheServeKilledOnce() throws Exception {
        // A serve runs one worker, so fewer jobs than the engine's runs keep this well under a minute.
        run(12, 1);
    }

    @Test
    @Tag("long")
    void aHundredJobsSurviveTheServeKilledThreeTimes() throws Exception {
        run(100, 3);
    }

    private void run(int jobCount, int kills) throws Exception {
        Path videos = ChaosJobs.prepareVideos(temp.resolve("videos"));
        Path data = temp.resolve("data");
        Path database = data.resolve("jobs.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long started = System.nanoTime();
        try (LoopbackHttpServer videoServer = LoopbackHttpServer.serving(videos);
                ServeProcess serve = ServeProcess.start(data, "--allow-private-urls")) {
            for (int i = 0; i < jobCount; i++) {
                submit(serve, i, videos, videoServer);
            }
            for (int kill = 0; kill < kills; kill++) {
                int target = Math.min(jobCount - 1, StoreAudit.ended(database) + 1 + random.nextInt(Math.max(1, jobCount / (kills + 2))));
                EngineProbe.await(() -> endedAtLeast(database, target), target + " jobs to end", TIMEOUT);
                serve.kill();
                assertThat(StoreAudit.integrityCheck(database)).as("the store after kill %d", kill + 1).isEqualTo("ok");
                serve.restart();
            }
            EngineProbe.await(() -> endedAtLeast(database, jobCount), "every job to end", TIMEOUT);
            // 143 is a JVM ended by SIGTERM after its shutdown hooks; -1 would be one that had to be killed.
            assertThat(serve.stop()).as("serve stopping on SIGTERM").isIn(0, 143);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(StoreAudit.integrityCheck(database)).isEqualTo("ok");
        List<StoreAudit.JobRow> jobs = StoreAudit.jobs(database);
        assertThat(jobs).hasSize(jobCount);
        StoreAudit.assertEachEndedOnce(jobs, ServeKillChaosTest::expectedFailure);
        StoreAudit.assertOutputsExactly(jobs, data.resolve("frames"));
        System.out.println(ChaosFigures.line("serve kills", seed, jobs, kills, seconds));
    }

    /** What a serve takes by link: a frame over HTTP, a people count over HTTP, a frame of a file, a file that is missing. */
    private void submit(ServeProcess serve, int index, Path videos, LoopbackHttpServer videoServer) throws Exception {
        String route = index % 4 == 1 ? "/api/people-count/" : "/api/get-youtube-frame/";
        String link = switch (index % 4) {
            case 0 -> videoServer.url("/clip.mp4");
            case 1 -> videoServer.url("/people-3s.avi");
            case 2 -> videos.resolve("clip.mp4").toString();
            default -> videos.resolve("missing-" + index + ".mp4").toString();
        };
        String body = JobJson.mapper().createObjectNode().put("youtube_url", link).toString();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(serve.url() + route))
                .header("Authorization", "Bearer " + serve.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("submitting %s: %s", link, answer.body()).isEqualTo(202);
    }

    private static String expectedFailure(int index) {
        return index % 4 == 3 ? ChaosJobs.NO_SUCH_FILE : null;
    }

    private static boolean endedAtLeast(Path database, int count) {
        try {
            return StoreAudit.ended(database) >= count;
        } catch (SQLException busy) {
            return false;
        }
    }
}
