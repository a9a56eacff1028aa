package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.remote.FlowerClient;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.UserInfo;

/** Whether a server (and its Flower) answers with these settings and secrets, without keeping anything. */
public final class ConnectionTest {

    private ConnectionTest() {}

    /** What answered, e.g. "Connected as ivtest · Flower: 2 workers"; throws with what went wrong. */
    public static String run(DeploymentSettings settings, DeploymentSecrets secrets) {
        SavedCredentials credentials = new SavedCredentials(secrets, renewed -> {});
        try (IntelliVisionClient client = new IntelliVisionClient(settings.baseUrl(), credentials)) {
            UserInfo user = client.me();
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
}
