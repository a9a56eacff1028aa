package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.testsupport.DeploymentContract;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an IntelliVision server, on loopback, answering as the recorded one does. */
class IntelliVisionDeploymentContractTest extends DeploymentContract {

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private RemoteJobStore store;

    @Override
    protected Deployment open() throws Exception {
        server = FakeIntelliVisionServer.start();
        store = RemoteDeployments.store(temp);
        return RemoteDeployments.open(RemoteDeployments.settingsFor(server), temp, store, token -> {});
    }

    @Override
    protected void closed() {
        store.close();
        server.close();
    }

    @Override
    protected JobRequest completing() {
        return JobRequest.count("http://127.0.0.1:9/clip.mp4", null);
    }

    @Override
    protected JobRequest failing() {
        return JobRequest.count("http://127.0.0.1:9/fail.mp4", null);
    }

    @Override
    protected JobRequest lingering() {
        return JobRequest.count("http://127.0.0.1:9/stay.mp4", null);
    }
}
