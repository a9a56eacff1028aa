package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import com.intellivision.console.testsupport.FakeIntelliVisionServer.Fault;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An IntelliVision server in trouble (it times out, answers 500s or half a JSON, or drops the
 * connection mid-answer) while the local pool works beside it: the deployment is marked degraded, asks
 * less and less often, the local pool's jobs run as ever, and once the server is well again the
 * deployment is connected and follows its job to the end by itself.
 */
class RemoteFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Rounds every 100 ms as in the other tests, but room for the back-off to show: 1 s, then 2 s, then 4 s. */
    private static final PollingPace BACKING_OFF = new PollingPace(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(1), Duration.ofMillis(300), 4, Duration.ofSeconds(2), Duration.ofSeconds(4));

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    static LoopbackHttpServer videos;
    static LocalDeployment local;

    private FakeIntelliVisionServer server;
    private RemoteJobStore store;
    private IntelliVisionDeployment deployment;

    @BeforeAll
    static void startLocalPool() throws Exception {
        Path folder = Files.createDirectories(shared.resolve("videos"));
        TestVideos.writeFrameCodedVideo(folder.resolve("clip.mp4"), 3, 25, 320, 180);
        videos = LoopbackHttpServer.serving(folder);
        local = LocalDeployment.start(PoolConfig.defaults(shared.resolve("local")).withWorkerCount(1));
    }

    @AfterAll
    static void stopLocalPool() {
        local.close();
        videos.close();
    }

    @BeforeEach
    void connect() throws Exception {
        server = FakeIntelliVisionServer.start();
        store = RemoteDeployments.store(temp);
        deployment = new IntelliVisionDeployment(RemoteDeployments.settingsFor(server), RemoteDeployments.tokens(), store,
                temp.resolve("images"), token -> { }, Clock.systemUTC(), BACKING_OFF);
    }

    @AfterEach
    void disconnect() {
        deployment.close();
        store.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"NONE", "TIMES_OUT"}, mode = EnumSource.Mode.EXCLUDE)
    void aServerInTroubleIsDegradedBackedOffFromAndFollowedAgainWhenWell(Fault fault) throws Exception {
        followThrough(fault);
    }

    /** In the long run only: it waits out three of the client's 10-second poll timeouts. */
    @Test
    @Tag("long")
    void aServerThatTimesOutIsDegradedAndFollowedAgainWhenWell() throws Exception {
        followThrough(Fault.TIMES_OUT);
    }

    private void followThrough(Fault fault) throws Exception {
        Job remote = deployment.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null));
        List<EngineEvent> events = RemoteDeployments.recording(deployment);

        server.setFault(fault);
        EngineProbe.await(() -> deployment.connection().state() != ConnectionState.CONNECTED, "the deployment to notice", WAIT);
        Job localJob = local.awaitTerminal(local.submit(JobRequest.frame(videos.url("/clip.mp4"), FrameParams.at(1.0))).id(), WAIT);
        EngineProbe.await(() -> server.faultyAnswerNanos().size() >= 3, "three calls to the server in trouble", WAIT);
        server.setFault(Fault.NONE);

        assertThat(localJob.status()).as("the local pool's job, beside it: %s", localJob.error()).isEqualTo(JobStatus.COMPLETED);
        ConnectionChanged first = events.stream().filter(ConnectionChanged.class::isInstance).map(ConnectionChanged.class::cast)
                .findFirst().orElseThrow();
        assertThat(first.state()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(first.reason()).as("a reason for people").isNotBlank().doesNotContain("Exception").doesNotContain("<html");
        if (fault != Fault.TIMES_OUT) {
            // Each wait at least the back-off's: 1 s after the first failure, 2 s after the second.
            List<Long> nanos = server.faultyAnswerNanos();
            assertThat(nanos.get(1) - nanos.get(0)).as("the first back-off").isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
            assertThat(nanos.get(2) - nanos.get(1)).as("the second back-off").isGreaterThanOrEqualTo(Duration.ofMillis(1900).toNanos());
        }

        Job done = deployment.awaitTerminal(remote.id(), WAIT);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        EngineProbe.await(() -> deployment.connection().state() == ConnectionState.CONNECTED, "connected again", WAIT);
        assertThat(events).filteredOn(ConnectionChanged.class::isInstance).extracting(event -> ((ConnectionChanged) event).state())
                .startsWith(ConnectionState.DEGRADED).endsWith(ConnectionState.CONNECTED);
    }
}
