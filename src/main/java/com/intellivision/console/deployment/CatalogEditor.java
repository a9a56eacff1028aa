package com.intellivision.console.deployment;

import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import java.util.Optional;

/**
 * Adding, changing and removing the remote deployments of a catalog, as the deployments dialog does.
 * Settings go to the settings file, secrets to the secret store; neither leaves it again except to
 * connect.
 */
public interface CatalogEditor {

    /** The settings of a remote deployment; empty for the local pool or an unknown id. */
    Optional<DeploymentSettings> settingsOf(String deploymentId);

    /** Which secrets a deployment has saved, without their values, for a dialog to say "saved". */
    SavedSecrets savedSecretsOf(String deploymentId);

    /** Whether a deployment has each of its secrets saved. */
    record SavedSecrets(boolean accessToken, boolean refreshToken, boolean flowerPassword) {
        public static final SavedSecrets NONE = new SavedSecrets(false, false, false);
    }

    /**
     * Connects with these settings and secrets without saving anything, and says what answered, e.g.
     * "Connected as ivtest · Flower: 2 workers"; throws with what went wrong.
     *
     * @param secrets the secrets typed; a blank one means the deployment's saved one
     */
    String testConnection(DeploymentSettings settings, TypedSecrets secrets);

    /** Saves a new deployment and connects to it. */
    Deployment add(DeploymentSettings settings, TypedSecrets secrets);

    /** Saves changed settings (and the secrets typed; blank ones keep what was saved) and reconnects. */
    Deployment update(DeploymentSettings settings, TypedSecrets secrets);

    /** Disconnects and forgets a deployment: its settings, its secrets and the jobs kept of it. */
    void remove(String deploymentId);

    /** Where secrets are kept, for people: "the system keychain", or the owner-only file. */
    String secretsLocation();

    /**
     * Secrets as typed in a dialog; blank means "the one saved".
     */
    record TypedSecrets(String accessToken, String refreshToken, String flowerPassword) {

        /** These secrets over the saved ones. */
        public DeploymentSecrets over(Optional<DeploymentSecrets> saved) {
            return new DeploymentSecrets(
                    isBlank(accessToken) ? saved.map(DeploymentSecrets::accessToken).orElse(null) : accessToken,
                    isBlank(refreshToken) ? saved.map(DeploymentSecrets::refreshToken).orElse(null) : refreshToken,
                    isBlank(flowerPassword) ? saved.map(DeploymentSecrets::flowerPassword).orElse(null) : flowerPassword);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }

        @Override
        public String toString() {
            return "TypedSecrets[…]";
        }
    }
}
