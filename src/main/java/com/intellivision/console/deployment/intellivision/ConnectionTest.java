package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.remote.FlowerClient;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServeApi;
import com.intellivision.console.remote.UserInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a server (and its Flower) answers with these settings and secrets, and what kind it is, without keeping anything. */
public final class ConnectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTest.class);

    private ConnectionTest() {}

    /**
     * What answered, e.g. "Connected as ivtest · Flower: 2 workers", or "Connected to a console's serve
     * with 2 workers"; throws with what went wrong.
     */
    public static String run(DeploymentSettings settings, DeploymentSecrets secrets) {
        SavedCredentials credentials = new SavedCredentials(secrets, renewed -> {});
        try (IntelliVisionClient client = new IntelliVisionClient(settings.baseUrl(), credentials)) {
            UserInfo user = client.me();
            Optional<ServeApi.Health> serve = client.serve().health();
            if (serve.isPresent()) {
                int workers = serve.get().workers();
                return "Connected to a console's serve with " + workers + (workers == 1 ? " worker" : " workers")
                        + (serve.get().paused() ? ", paused" : "");
            }
            String connected = "Connected as " + user.username();
            if (settings.flowerUrl() == null) {
                return connected;
            }
            try (FlowerClient flower = new FlowerClient(settings.flowerUrl(), settings.flowerUser(), secrets.flowerPassword())) {
                int workers = flower.workers().size();
                return connected + " · Flower: " + workers + (workers == 1 ? " worker" : " workers");
            }
        }
    }

    /**
     * The settings with the kind of server that answers at their address: a console's serve says so at
     * {@code /health/}. When nothing answers, the settings stay as they are.
     */
    public static DeploymentSettings detectKind(DeploymentSettings settings, DeploymentSecrets secrets) {
        try (IntelliVisionClient client = new IntelliVisionClient(settings.baseUrl(), new SavedCredentials(secrets, renewed -> {}))) {
            return settings.withKind(client.serve().health().isPresent() ? DeploymentKind.CONSOLE_SERVE : DeploymentKind.INTELLIVISION);
        } catch (RemoteException unreachable) {
            LOG.info("{} did not answer, so it is kept as {}: {}", settings.name(), settings.kind(), unreachable.getMessage());
            return settings;
        }
    }
}
