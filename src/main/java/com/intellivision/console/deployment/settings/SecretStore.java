package com.intellivision.console.deployment.settings;

import java.util.Optional;

/**
 * Where the secrets of remote deployments are kept, by deployment id. Failures are
 * {@link SecretStoreException}s whose messages can be shown and never contain a secret.
 * {@link SecretStores#best} picks the implementation.
 */
public interface SecretStore {

    /** The secrets stored for this deployment, or empty if none are. */
    Optional<DeploymentSecrets> read(String deploymentId);

    /** Stores these secrets for the deployment, replacing any it had. */
    void write(String deploymentId, DeploymentSecrets secrets);

    /** Forgets the deployment's secrets; nothing happens if it had none. */
    void delete(String deploymentId);

    /** Where the secrets go, for a sentence like "Tokens are kept in ...": "the GNOME Keyring", "an owner-only file at ...". */
    String describe();
}
