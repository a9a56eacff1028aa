package com.intellivision.console.remote;

import static com.intellivision.console.remote.Transcripts.fixture;
import static com.intellivision.console.remote.Transcripts.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.job.WorkerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowerClientTest {

    private static final String PASSWORD = "s3cret-flower-pass";

    private MockWebServer flower;
    private FlowerClient client;

    @BeforeEach
    void start() throws IOException {
        flower = Transcripts.startLoopbackServer();
        client = new FlowerClient(urlOf(flower, "/"), "admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        client.close();
        flower.close();
    }

    @Test
    void readsEveryWorkerWithItsPoolMemoryAndTasks() throws Exception {
        flower.enqueue(json(200, fixture("flower/workers.json")));

        List<CeleryWorker> workers = client.workers();

        RecordedRequest request = flower.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/workers?refresh=true");
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

        assertThat(workers).extracting(CeleryWorker::name).containsExactly("celery@cpu-node", "celery@gpu-node");
        CeleryWorker idle = workers.get(0);
        assertThat(idle.pid()).isEqualTo(5120);
        assertThat(idle.processes()).isEqualTo(2);
        assertThat(idle.maxRssBytes()).isEqualTo(204800L * 1024);
        assertThat(idle.activeTasks()).isEmpty();

        CeleryWorker busy = workers.get(1);
        assertThat(busy.pid()).isEqualTo(4230);
        assertThat(busy.processes()).isEqualTo(4);
        assertThat(busy.maxRssBytes()).isEqualTo(1843200L * 1024);
        assertThat(busy.sampledAt()).isEqualTo(Instant.ofEpochSecond(1732441812, 500_000_000));
        assertThat(busy.activeTasks()).containsExactly(
                new ActiveTask("25c27956-c377-431c-8e29-cacb216c92bb", "apps.video_analytics.tasks.process_video_job", 7, 4242,
                        Instant.ofEpochSecond(1732441771, 250_000_000)),
                new ActiveTask("3f1a9c0e-55d2-4d1b-9a3e-0b7e2f6c8d41", "apps.video_analytics.tasks.cleanup_media", WorkerInfo.NO_JOB, 4243,
                        Instant.ofEpochSecond(1732441800, 500_000_000)));
    }

    @Test
    void listsAWorkerFlowerHasNoStatsOfWithWhatIsKnown() {
        flower.enqueue(json(200, fixture("flower/worker_without_stats.json")));

        assertThat(client.workers()).containsExactly(
                new CeleryWorker("celery@new-node", WorkerInfo.NO_PID, 0, 0, List.of(), Instant.ofEpochSecond(1732441812, 750_000_000)));
    }

    @Test
    void readsTheQueueLengths() throws Exception {
        flower.enqueue(json(200, fixture("flower/queues_length.json")));

        assertThat(client.queueLengths()).containsExactly(new QueueLength("celery", 3), new QueueLength("video", 0));
        assertThat(flower.takeRequest().getTarget()).isEqualTo("/api/queues/length");
    }

    @Test
    void revokesATaskTerminatingItOnlyWhenAsked() throws Exception {
        flower.enqueue(json(200, "{\"message\": \"Revoked '25c27956-c377-431c-8e29-cacb216c92bb'\"}"));
        flower.enqueue(json(200, "{\"message\": \"Revoked '25c27956-c377-431c-8e29-cacb216c92bb'\"}"));

        client.revoke("25c27956-c377-431c-8e29-cacb216c92bb", true);
        client.revoke("25c27956-c377-431c-8e29-cacb216c92bb", false);

        RecordedRequest terminating = flower.takeRequest();
        assertThat(terminating.getMethod()).isEqualTo("POST");
        assertThat(terminating.getTarget()).isEqualTo("/api/task/revoke/25c27956-c377-431c-8e29-cacb216c92bb?terminate=true");
        assertThat(terminating.getBodySize()).isZero();
        assertThat(flower.takeRequest().getTarget()).isEqualTo("/api/task/revoke/25c27956-c377-431c-8e29-cacb216c92bb");
    }

    @Test
    void growsAndShrinksAWorkersPoolWithItsNameEncoded() throws Exception {
        flower.enqueue(json(200, "{\"message\": \"Growing 'celery@gpu-node' worker's pool by 2\"}"));
        flower.enqueue(json(200, "{\"message\": \"Shrinking 'celery@gpu-node' worker's pool by 1\"}"));

        client.grow("celery@gpu-node", 2);
        client.shrink("celery@gpu-node", 1);

        RecordedRequest grow = flower.takeRequest();
        assertThat(grow.getMethod()).isEqualTo("POST");
        assertThat(grow.getTarget()).isEqualTo("/api/worker/pool/grow/celery%40gpu-node?n=2");
        assertThat(flower.takeRequest().getTarget()).isEqualTo("/api/worker/pool/shrink/celery%40gpu-node?n=1");
    }

    @Test
    void passesOnFlowersPlainTextReasonWhenAPoolCannotGrow() {
        flower.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "text/html; charset=UTF-8")
                .body("Failed to grow 'celery@gpu-node' worker's pool: pool does not support growing").build());

        assertThatThrownBy(() -> client.grow("celery@gpu-node", 1)).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.REJECTED);
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.getMessage()).startsWith("Could not grow the pool of celery@gpu-node by 1:")
                    .contains("Failed to grow 'celery@gpu-node' worker's pool: pool does not support growing");
        });
    }

    @Test
    void saysFlowerKnowsNoSuchWorkerWithoutShowingItsPage() {
        flower.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html; charset=UTF-8")
                .body("<!DOCTYPE html>\n<html><head><title>Flower</title></head><body><div class=\"container\">"
                        + "<h1>404</h1><p>Unknown worker 'celery@gone'</p></div></body></html>").build());

        assertThatThrownBy(() -> client.shrink("celery@gone", 1)).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("Flower knows no worker called celery@gone").doesNotContain("<", "DOCTYPE");
        });
    }

    @Test
    void saysFlowerRefusedTheUserNameOrPasswordWithoutShowingIt() {
        flower.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Basic realm=\"flower\"")
                .setHeader("Content-Type", "text/html; charset=UTF-8").body("Access denied").build());

        assertThatThrownBy(client::workers).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).contains("Flower refused the user name or password").doesNotContain(PASSWORD);
        });
        assertThat(flower.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sendsNoCredentialsWhenFlowerAsksForNone() throws Exception {
        flower.enqueue(json(200, fixture("flower/queues_length.json")));

        try (FlowerClient open = new FlowerClient(urlOf(flower, "/"), null, null)) {
            open.queueLengths();
        }

        assertThat(flower.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusesToResizeAPoolByNothing() {
        assertThatThrownBy(() -> client.grow("celery@gpu-node", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(flower.getRequestCount()).isZero();
    }

    /** Flower (Tornado) writes its JSON as {@code application/json; charset=UTF-8}. */
    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=UTF-8").body(body).build();
    }
}
