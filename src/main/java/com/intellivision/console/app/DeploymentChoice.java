package com.intellivision.console.app;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.intellivision.ConnectionTest;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.SecretStore;
import com.intellivision.console.deployment.settings.SecretStores;
import com.intellivision.console.deployment.settings.SettingsFile;
import com.intellivision.console.deployment.settings.UnreadableSettingsException;
import com.intellivision.console.pool.LocalEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that choose where a command's jobs run: the local pool (the default), a remote
 * deployment saved in the data directory, or an IntelliVision server given directly. Opening a remote
 * deployment never starts the local pool.
 */
final class DeploymentChoice {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @ArgGroup(exclusive = true, multiplicity = "0..1",
            heading = "%nWhere jobs run (default: the local pool on this computer, with the pool options above):%n")
    Remote remote;

    /** Either a saved deployment or a server given directly, never both. */
    static final class Remote {

        @Option(names = "--deployment", paramLabel = "NAME", required = true,
                description = "A remote deployment saved in the data directory (as the window's deployment list shows it; "
                        + "any case), with the tokens saved for it.")
        String savedName;

        @ArgGroup(exclusive = false)
        Server server;
    }

    /** An IntelliVision server that is not saved: its address and the files holding its tokens. */
    static final class Server {

        @Option(names = "--server", paramLabel = "URL", required = true,
                description = "The address of an IntelliVision server, such as https://intellivision.example.com.")
        String url;

        @Option(names = "--token-file", paramLabel = "FILE", required = true,
                description = "A file holding the server's access token, on one line. The token is never printed.")
        Path tokenFile;

        @Option(names = "--refresh-token-file", paramLabel = "FILE",
                description = "A file holding the refresh token, on one line, to get a new access token when the old one expires.")
        Path refreshTokenFile;
    }

    boolean isRemote() {
        return remote != null;
    }

    /**
     * The chosen deployment, connected. The local pool starts with {@code localWorkers} worker (unless
     * the pool options ask for more); a remote deployment has answered its first round of questions.
     */
    ChosenDeployment open(PoolOptions pool, int localWorkers) throws IOException {
        if (remote == null) {
            // The engine's own IOException says best why its store cannot be opened.
            return ChosenDeployment.local(new LocalDeployment(LocalEngine.start(pool.toConfig(localWorkers))), pool.dataDir);
        }
        if (remote.savedName != null) {
            return openSaved(remote.savedName, pool.dataDir);
        }
        DeploymentSecrets secrets = serverSecrets();
        // A console's serve says so at /health/, and is reached with its extensions.
        DeploymentSettings settings = ConnectionTest.detectKind(RemoteConnection.settingsForServer(remote.server.url, this::parameterError),
                secrets);
        return RemoteConnection.open(settings, secrets, pool.dataDir, renewed -> {
            // The token files belong to the user; a renewed token lasts for this run only.
        }, "--server " + settings.baseUrl());
    }

    private ChosenDeployment openSaved(String name, Path dataDir) throws IOException {
        SettingsFile settingsFile = new SettingsFile(dataDir);
        DeploymentSettings settings;
        try {
            settings = settingsFile.findByName(name).orElseThrow(() -> unknownName(name, settingsFile));
        } catch (UnreadableSettingsException broken) {
            throw broken;
        } catch (IOException unreadable) {
            throw new IOException("The saved deployments could not be read from " + settingsFile.path() + ": " + unreadable.getMessage(),
                    unreadable);
        }
        SecretStore secrets = command.root().userObject() instanceof Main main ? main.secretStore(dataDir) : SecretStores.best(dataDir);
        DeploymentSecrets saved = secrets.read(settings.id()).orElseThrow(() -> new IllegalStateException("No tokens are saved for "
                + settings.name() + " in " + secrets.describe() + ". Edit the deployment in the window and give its access token again."));
        return RemoteConnection.open(settings, saved, dataDir, renewed -> RemoteConnection.keepRenewed(secrets, settings, renewed),
                "--deployment '" + settings.name() + "'");
    }

    private ParameterException unknownName(String name, SettingsFile settingsFile) {
        List<DeploymentSettings> saved;
        try {
            saved = settingsFile.load();
        } catch (IOException unreadable) {
            saved = List.of();
        }
        String known = saved.isEmpty() ? "No remote deployments are saved there; add one in the window, or give --server URL --token-file FILE."
                : "The saved deployments are: " + saved.stream().map(DeploymentSettings::name).collect(Collectors.joining(", ")) + ".";
        return parameterError("--deployment: there is no deployment named '" + name + "' in " + settingsFile.path() + ". " + known);
    }

    private DeploymentSecrets serverSecrets() {
        String access = TokenFiles.read(remote.server.tokenFile, "--token-file", this::parameterError);
        String refresh = remote.server.refreshTokenFile == null ? null
                : TokenFiles.read(remote.server.refreshTokenFile, "--refresh-token-file", this::parameterError);
        try {
            return new DeploymentSecrets(access, refresh, null);
        } catch (IllegalArgumentException unusable) {
            // The messages name the token, never its value.
            throw parameterError(unusable.getMessage());
        }
    }

    private ParameterException parameterError(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
