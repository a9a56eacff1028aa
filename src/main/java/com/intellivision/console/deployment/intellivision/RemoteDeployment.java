package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** A deployment the console reaches over HTTP, whose jobs' images it keeps on this machine. */
public interface RemoteDeployment extends Deployment {

    /** Removes the images of the deployment's jobs from this machine, as when it is removed. */
    void deleteImages();

    /**
     * Connects to what the settings describe: an IntelliVision server, or a console's serve.
     *
     * @param imageFolder where the images of its jobs are kept on this machine
     * @param accessTokenRenewed keeps an access token the server issued in place of an expired one
     */
    static RemoteDeployment connect(DeploymentSettings settings, DeploymentSecrets secrets, RemoteJobStore store, Path imageFolder,
            Consumer<String> accessTokenRenewed, Clock clock) {
        return settings.kind() == DeploymentKind.CONSOLE_SERVE
                ? new ServeDeployment(settings, secrets, store, imageFolder, accessTokenRenewed, clock)
                : new IntelliVisionDeployment(settings, secrets, store, imageFolder, accessTokenRenewed, clock);
    }
}
