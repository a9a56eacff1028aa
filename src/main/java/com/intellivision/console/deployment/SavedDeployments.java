package com.intellivision.console.deployment;

import com.intellivision.console.deployment.intellivision.ConnectionTest;
import com.intellivision.console.deployment.intellivision.RemoteDeployment;
import com.intellivision.console.deployment.intellivision.RemoteJobStore;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.SecretStore;
import com.intellivision.console.deployment.settings.SecretStores;
import com.intellivision.console.deployment.settings.SettingsFile;
import com.intellivision.console.deployment.settings.UnreadableSettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's deployments as people set them up: the local pool, and the remote deployments of the
 * settings file in the data directory, with their secrets from the {@link SecretStore}. What the
 * console learns of remote jobs is kept in {@code remote-jobs.db} beside the local pool's store, and
 * their images under {@code remote/}. Whether an address is an IntelliVision server or a console's
 * serve is found out when the deployment is added or edited, and saved.
 */
public final class SavedDeployments implements DeploymentCatalog, CatalogEditor {

    private static final Logger LOG = LoggerFactory.getLogger(SavedDeployments.class);

    private final Deployment local;
    private final Path dataDir;
    private final SettingsFile settingsFile;
    private final SecretStore secrets;
    private final RemoteJobStore remoteJobs;
    private final Clock clock;
    /** The remote deployments, in the settings file's order, each with its settings. */
    private final Map<String, Remote> remotes = new LinkedHashMap<>();
    private final String openingProblem;

    private record Remote(DeploymentSettings settings, RemoteDeployment deployment) {}

    private SavedDeployments(Deployment local, Path dataDir, SecretStore secrets, RemoteJobStore remoteJobs, Clock clock) {
        this.local = local;
        this.dataDir = dataDir;
        this.settingsFile = new SettingsFile(dataDir);
        this.secrets = secrets;
        this.remoteJobs = remoteJobs;
        this.clock = clock;
        this.openingProblem = connectSaved();
    }

    /** Opens the deployments saved in {@code dataDir}, after the local pool. */
    public static SavedDeployments open(Deployment local, Path dataDir) {
        return open(local, dataDir, SecretStores.best(dataDir));
    }

    /** As {@link #open(Deployment, Path)}, with secrets kept in {@code secrets}. */
    public static SavedDeployments open(Deployment local, Path dataDir, SecretStore secrets) {
        try {
            return new SavedDeployments(local, dataDir, secrets, RemoteJobStore.open(dataDir.resolve("remote-jobs.db")), Clock.systemUTC());
        } catch (IOException cannotOpen) {
            throw new UncheckedIOException(cannotOpen);
        }
    }

    /** Connects to every saved deployment; returns what went wrong reading them, or null. */
    private String connectSaved() {
        List<DeploymentSettings> saved;
        try {
            saved = settingsFile.load();
        } catch (UnreadableSettingsException broken) {
            return broken.getMessage();
        } catch (IOException unreadable) {
            return "The saved deployments could not be read: " + unreadable.getMessage();
        }
        List<String> withoutSecrets = new ArrayList<>();
        for (DeploymentSettings settings : saved) {
            Optional<DeploymentSecrets> secretsOf = secrets.read(settings.id());
            if (secretsOf.isEmpty()) {
                withoutSecrets.add(settings.name());
                continue;
            }
            remotes.put(settings.id(), new Remote(settings, connect(settings, secretsOf.get())));
        }
        return withoutSecrets.isEmpty() ? null : "No tokens are saved for " + String.join(", ", withoutSecrets)
                + " in " + secrets.describe() + ", so the console cannot reach " + (withoutSecrets.size() == 1 ? "it" : "them")
                + ". Add " + (withoutSecrets.size() == 1 ? "it" : "them") + " again with a token.";
    }

    private RemoteDeployment connect(DeploymentSettings settings, DeploymentSecrets saved) {
        Path images = dataDir.resolve("remote").resolve(settings.id());
        return RemoteDeployment.connect(settings, saved, remoteJobs, images, renewed -> keepRenewedToken(settings.id(), renewed), clock);
    }

    /** A renewed access token is saved, so the next start does not begin with a refused one. */
    private void keepRenewedToken(String deploymentId, String renewed) {
        try {
            secrets.read(deploymentId).ifPresent(saved -> secrets.write(deploymentId, saved.withAccessToken(renewed)));
        } catch (RuntimeException cannotSave) {
            LOG.warn("the renewed access token of {} could not be saved: {}", deploymentId, cannotSave.getMessage());
        }
    }

    @Override
    public synchronized List<Deployment> deployments() {
        List<Deployment> all = new ArrayList<>(List.of(local));
        remotes.values().forEach(remote -> all.add(remote.deployment()));
        return all;
    }

    @Override
    public synchronized int backlogThreshold(String deploymentId) {
        Remote remote = remotes.get(deploymentId);
        return remote == null ? DEFAULT_BACKLOG_ALERT : remote.settings().queueAlertAbove();
    }

    @Override
    public Optional<CatalogEditor> editor() {
        return Optional.of(this);
    }

    @Override
    public Optional<String> openingProblem() {
        return Optional.ofNullable(openingProblem);
    }

    @Override
    public synchronized Optional<DeploymentSettings> settingsOf(String deploymentId) {
        return Optional.ofNullable(remotes.get(deploymentId)).map(Remote::settings);
    }

    @Override
    public SavedSecrets savedSecretsOf(String deploymentId) {
        return secrets.read(deploymentId)
                .map(saved -> new SavedSecrets(true, saved.refreshToken() != null, saved.flowerPassword() != null))
                .orElse(SavedSecrets.NONE);
    }

    @Override
    public String testConnection(DeploymentSettings settings, TypedSecrets typed) {
        return ConnectionTest.run(settings, typed.over(secrets.read(settings.id())));
    }

    @Override
    public synchronized Deployment add(DeploymentSettings typedSettings, TypedSecrets typed) {
        DeploymentSecrets given = typed.over(Optional.empty());
        DeploymentSettings settings = ConnectionTest.detectKind(typedSettings, given);
        try {
            settingsFile.add(settings);
        } catch (IOException cannotSave) {
            throw new UncheckedIOException("The deployment could not be saved in " + settingsFile.path() + ": " + cannotSave.getMessage(),
                    cannotSave);
        }
        secrets.write(settings.id(), given);
        RemoteDeployment connected = connect(settings, given);
        remotes.put(settings.id(), new Remote(settings, connected));
        return connected;
    }

    @Override
    public synchronized Deployment update(DeploymentSettings typedSettings, TypedSecrets typed) {
        Remote before = remotes.get(typedSettings.id());
        if (before == null) {
            throw new IllegalArgumentException("There is no deployment " + typedSettings.name() + " to change; add it instead.");
        }
        DeploymentSecrets merged = typed.over(secrets.read(typedSettings.id()));
        DeploymentSettings settings = ConnectionTest.detectKind(typedSettings, merged);
        try {
            settingsFile.replace(settings);
        } catch (IOException cannotSave) {
            throw new UncheckedIOException("The deployment could not be saved in " + settingsFile.path() + ": " + cannotSave.getMessage(),
                    cannotSave);
        }
        secrets.write(settings.id(), merged);
        before.deployment().close();
        RemoteDeployment reconnected = connect(settings, merged);
        remotes.put(settings.id(), new Remote(settings, reconnected));
        return reconnected;
    }

    @Override
    public synchronized void remove(String deploymentId) {
        Remote removed = remotes.remove(deploymentId);
        if (removed == null) {
            return;
        }
        removed.deployment().close();
        removed.deployment().deleteImages();
        remoteJobs.forget(deploymentId);
        secrets.delete(deploymentId);
        try {
            settingsFile.remove(deploymentId);
        } catch (IOException cannotSave) {
            throw new UncheckedIOException("The deployment was disconnected but could not be taken out of " + settingsFile.path() + ": "
                    + cannotSave.getMessage(), cannotSave);
        }
    }

    @Override
    public String secretsLocation() {
        return secrets.describe();
    }

    @Override
    public synchronized void close() {
        remotes.values().forEach(remote -> remote.deployment().close());
        local.close();
        remoteJobs.close();
    }
}
