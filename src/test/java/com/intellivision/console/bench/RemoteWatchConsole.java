package com.intellivision.console.bench;

import com.intellivision.console.deployment.intellivision.IntelliVisionDeployment;
import com.intellivision.console.deployment.intellivision.RemoteJobStore;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A headless console watching an IntelliVision server, for {@link RemoteWatchBench}: it opens the
 * deployment as the window does (default polling pace), subscribes, and only counts what it hears.
 * Arguments: the server's address, a folder of its own, how many jobs to wait for before it says it
 * is ready. Runs until killed.
 */
public final class RemoteWatchConsole {

    private static final long READY_TIMEOUT_MILLIS = 60_000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path folder = Path.of(args[1]);
        int expectedJobs = Integer.parseInt(args[2]);
        RemoteJobStore store = RemoteJobStore.open(folder.resolve("remote-jobs.db"));
        WatchTally.Listener listener = new WatchTally.Listener();
        IntelliVisionDeployment deployment = new IntelliVisionDeployment(DeploymentSettings.create("bench", DeploymentKind.INTELLIVISION, url),
                new DeploymentSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, null, null), store, folder.resolve("images"), renewed -> { },
                Clock.systemUTC());
        deployment.subscribe(listener);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deployment.close();
            store.close();
        }));
        // The deployment learns of the server's jobs from its first list request, made as it opens.
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (listener.tally().jobs() < expectedJobs && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        System.out.println(WatchTally.READY);
        listener.reportUntilKilled();
    }

    private RemoteWatchConsole() {}
}
