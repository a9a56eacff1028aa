package com.intellivision.console.app;

import com.intellivision.console.deployment.intellivision.RemoteDeployment;
import com.intellivision.console.deployment.intellivision.RemoteJobStore;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.SecretStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParameterException;

/**
 * Connects a command to one IntelliVision server or console's serve. What it learns is kept where the window keeps it, in
 * the data directory's store of remote jobs and its {@code remote/} images, so both see the same jobs.
 */
final class RemoteConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnection.class);

    /** The file and folder {@code SavedDeployments} uses in the data directory. */
    private static final String REMOTE_JOBS_FILE = "remote-jobs.db";
    private static final String IMAGES_FOLDER = "remote";
    /** Long enough for a server that answers at all; one that does not is reported by the deployment itself. */
    private static final Duration FIRST_ROUND = Duration.ofSeconds(5);

    private RemoteConnection() {}

    /**
     * Settings for a server given by its address. Its id comes from the address, so every run against
     * one server shares what the console has kept of its jobs.
     */
    static DeploymentSettings settingsForServer(String url, Function<String, ParameterException> parameterError) {
        DeploymentSettings typed;
        try {
            typed = DeploymentSettings.create("IntelliVision server", DeploymentKind.INTELLIVISION, url);
        } catch (IllegalArgumentException invalid) {
            throw parameterError.apply("--server: " + invalid.getMessage());
        }
        String address = typed.baseUrl();
        return new DeploymentSettings(idOf(address), nameOf(address), DeploymentKind.INTELLIVISION, address, null, null,
                DeploymentSettings.DEFAULT_QUEUE_ALERT_ABOVE, DeploymentSettings.DEFAULT_POLL_SECONDS);
    }


    /**
     * Connects and waits for the first round of questions, so the job list and the connection state are current.
     *
     * @param asTyped the options that chose the server, to repeat in advice
     */
    static ChosenDeployment open(DeploymentSettings settings, DeploymentSecrets secrets, Path dataDir, Consumer<String> accessTokenRenewed,
            String asTyped) throws IOException {
        RemoteJobStore store = RemoteJobStore.open(dataDir.resolve(REMOTE_JOBS_FILE));
        RemoteDeployment server;
        try {
            server = RemoteDeployment.connect(settings, secrets, store, dataDir.resolve(IMAGES_FOLDER).resolve(settings.id()),
                    accessTokenRenewed, Clock.systemUTC());
        } catch (RuntimeException cannotConnect) {
            store.close();
            throw cannotConnect;
        }
        PollingRounds rounds = PollingRounds.follow(server);
        ChosenDeployment chosen = ChosenDeployment.remote(server, rounds, store, asTyped);
        try {
            chosen.awaitFirstRound(FIRST_ROUND);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return chosen;
    }

    /** Saves a renewed access token of a saved deployment, as the window does, so the next run does not start with a refused one. */
    static void keepRenewed(SecretStore secrets, DeploymentSettings settings, String renewed) {
        try {
            secrets.read(settings.id()).ifPresent(saved -> secrets.write(settings.id(), saved.withAccessToken(renewed)));
        } catch (RuntimeException cannotSave) {
            // The run goes on with the renewed token; only the next one has to renew it again.
            LOG.warn("the renewed access token of {} could not be saved: {}", settings.name(), cannotSave.getMessage());
        }
    }

    private static String idOf(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return "server-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }

    /** The host and port people recognise the server by. */
    private static String nameOf(String address) {
        String authority = URI.create(address).getRawAuthority();
        boolean usable = authority != null && authority.length() <= DeploymentSettings.MAX_NAME_LENGTH && !authority.equalsIgnoreCase("local");
        return usable ? authority : "IntelliVision server";
    }
}
