package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.DeploymentContract;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.ServeProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a real {@code serve} process, reached through its extensions, with the console's own
 * client and the serve's token. The deployment never asks in the test's time, so everything it learns
 * it has heard from the serve's events.
 */
class ServeDeploymentContractTest extends DeploymentContract {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static LoopbackHttpServer videos;
    private ServeProcess serve;
    private RemoteJobStore store;

    @BeforeAll
    static void serveVideos() throws Exception {
        videos = LoopbackHttpServer.servingClip(shared);
    }

    @AfterAll
    static void stopVideos() {
        videos.close();
    }

    @Override
    protected Deployment open() throws Exception {
        serve = ServeProcess.start(temp.resolve("serve"), "--allow-private-urls");
        store = RemoteDeployments.store(temp);
        DeploymentSettings settings = DeploymentSettings.create("Serve", DeploymentKind.CONSOLE_SERVE, serve.url());
        return new ServeDeployment(settings, new DeploymentSecrets(serve.token(), null, null), store, temp.resolve("images"),
                token -> {}, Clock.systemUTC(), RemoteDeployments.DEAF);
    }

    @Override
    protected void closed() throws Exception {
        store.close();
        serve.close();
    }

    @Test
    void aServeKilledAndStartedAgainIsSeenDownThenCaughtUpWithByItself() throws Exception {
        Job running = deployment().submit(lingering());
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        deployment().subscribe(events::add);

        serve.kill();
        EngineProbe.await(() -> deployment().connection().state() == ConnectionState.DOWN, "down", WAIT);
        assertThat(deployment().recentJobs(10)).extracting(Job::id).as("as last seen").contains(running.id());

        serve.restart();
        EngineProbe.await(() -> deployment().connection().state() == ConnectionState.CONNECTED, "connected again", WAIT);
        assertThat(events).filteredOn(ConnectionChanged.class::isInstance).extracting(event -> ((ConnectionChanged) event).state())
                .containsSubsequence(ConnectionState.DOWN, ConnectionState.CONNECTED);
        Job again = EngineProbe.await(() -> deployment().job(running.id()).filter(job -> job.status() != JobStatus.PENDING
                || job.attempts() > 0).orElse(null), "the job, as the restarted serve has it", WAIT);
        assertThat(again.id()).isEqualTo(running.id());
    }

    @Override
    protected JobRequest completing() {
        return JobRequest.frame(videos.url("/clip.mp4"), null);
    }

    @Override
    protected JobRequest failing() {
        return JobRequest.frame(videos.url("/no-such-video.mp4"), null);
    }

    @Override
    protected JobRequest lingering() {
        return JobRequest.frame(videos.url(LoopbackHttpServer.STALLING_VIDEO), null);
    }
}
