package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** IntelliVision deployments on a {@link FakeIntelliVisionServer}, asking quickly so tests take seconds, not minutes. */
final class RemoteDeployments {

    /** A tenth of a second per round, lists every second, back-off capped at half a second. */
    static final PollingPace QUICK = new PollingPace(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(1), Duration.ofMillis(300), 4, Duration.ofSeconds(2), Duration.ofMillis(500));

    /** Never asks in a test's time: whatever such a deployment learns, it heard. */
    static final PollingPace DEAF = new PollingPace(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10),
            Duration.ofMinutes(10), Duration.ofMinutes(10), 4, Duration.ofMinutes(10), Duration.ofMillis(500));

    private RemoteDeployments() {}

    static DeploymentSettings settingsFor(FakeIntelliVisionServer server) {
        return DeploymentSettings.create("Prod", DeploymentKind.INTELLIVISION, server.url());
    }

    static DeploymentSecrets tokens() {
        return new DeploymentSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN, null);
    }

    static IntelliVisionDeployment open(DeploymentSettings settings, Path dir, RemoteJobStore store, Consumer<String> renewed) {
        return new IntelliVisionDeployment(settings, tokens(), store, dir.resolve("images"), renewed, Clock.systemUTC(), QUICK);
    }

    static RemoteJobStore store(Path dir) throws IOException {
        return RemoteJobStore.open(dir.resolve("remote-jobs.db"));
    }

    /** Every event a deployment publishes from now on. */
    static List<EngineEvent> recording(IntelliVisionDeployment deployment) {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        deployment.subscribe(events::add);
        return events;
    }
}
