package com.intellivision.console.deployment.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.util.Objects;
import java.util.Optional;

/**
 * Secrets in the OS keychain: one entry per deployment, under the service "IntelliVision Console" and
 * the deployment's id as account, holding its secrets as a small JSON object. Each call opens its own
 * connection and closes it (a few tens of milliseconds once the first has been made), so nothing stays
 * open between the rare moments secrets are needed.
 *
 * <p>java-keyring reports a missing entry and a refused one alike, as a {@link PasswordAccessException};
 * {@link #read} takes both for "none stored", so a refusal leads to asking for the token again.
 */
public final class KeychainSecretStore implements SecretStore {

    static final String SERVICE = "IntelliVision Console";

    private final Keychain.Opener keychains;
    private final String service;
    private final String description;

    KeychainSecretStore(Keychain.Opener keychains, String service, String description) {
        this.keychains = Objects.requireNonNull(keychains, "keychains");
        this.service = Objects.requireNonNull(service, "service");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public Optional<DeploymentSecrets> read(String deploymentId) {
        String entry;
        Keychain keychain = open("read", deploymentId);
        try (keychain) {
            entry = keychain.getPassword(service, deploymentId);
        } catch (PasswordAccessException notStored) {
            return Optional.empty();
        } catch (RuntimeException failed) {
            throw failure("read", deploymentId, failed.toString());
        }
        return Optional.of(SecretsJson.fromText(entry, "the entry of deployment " + deploymentId + " in " + description));
    }

    @Override
    public void write(String deploymentId, DeploymentSecrets secrets) {
        Objects.requireNonNull(secrets, "secrets");
        String entry = SecretsJson.toText(secrets);
        Keychain keychain = open("store", deploymentId);
        try (keychain) {
            keychain.setPassword(service, deploymentId, entry);
        } catch (PasswordAccessException | RuntimeException failed) {
            throw failure("store", deploymentId, secrets.redact(failed.toString().replace(entry, "***")));
        }
    }

    @Override
    public void delete(String deploymentId) {
        Keychain keychain = open("delete", deploymentId);
        try (keychain) {
            keychain.deletePassword(service, deploymentId);
        } catch (PasswordAccessException notStored) {
            // Nothing to delete.
        } catch (RuntimeException failed) {
            throw failure("delete", deploymentId, failed.toString());
        }
    }

    @Override
    public String describe() {
        return description;
    }

    private Keychain open(String doing, String deploymentId) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        try {
            return keychains.open();
        } catch (BackendNotSupportedException gone) {
            throw failure(doing, deploymentId, "it is no longer available: " + gone.getMessage());
        }
    }

    private SecretStoreException failure(String doing, String deploymentId, String reason) {
        return new SecretStoreException("Could not " + doing + " the secrets of deployment " + deploymentId + " in "
                + description + " (" + reason + ").");
    }
}
