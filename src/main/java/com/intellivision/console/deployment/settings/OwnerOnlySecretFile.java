package com.intellivision.console.deployment.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in {@code <data dir>/secrets.json} where no keychain works: a JSON object with the format's
 * {@code version} and the secrets of each deployment by id. The file is owner-only from its first byte
 * (see {@link OwnerOnlyPermissions}): every write goes to a temporary file created that way and moved
 * over the old one, and the mode is set again afterwards. A file found open to others is tightened, with
 * a warning. A file that cannot be understood is moved aside (still owner-only) and reported once; the
 * next call starts from an empty file.
 */
public final class OwnerOnlySecretFile implements SecretStore {

    public static final String FILE_NAME = "secrets.json";
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlySecretFile.class);

    private final Path path;

    public OwnerOnlySecretFile(Path dataDir) {
        this.path = dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized Optional<DeploymentSecrets> read(String deploymentId) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        JsonNode entry = readAll().get(deploymentId);
        return entry == null ? Optional.empty() : Optional.of(SecretsJson.fromNode(entry, "the entry of deployment "
                + deploymentId + " in " + path));
    }

    @Override
    public synchronized void write(String deploymentId, DeploymentSecrets secrets) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(secrets, "secrets");
        ObjectNode all = readAll();
        all.set(deploymentId, SecretsJson.toNode(secrets));
        writeAll(all);
    }

    @Override
    public synchronized void delete(String deploymentId) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        ObjectNode all = readAll();
        if (all.remove(deploymentId) == null) {
            return;
        }
        if (all.isEmpty()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException failed) {
                throw new SecretStoreException("Could not delete " + path + ": " + failed.getMessage());
            }
        } else {
            writeAll(all);
        }
    }

    @Override
    public String describe() {
        return "an owner-only file at " + path;
    }

    /** The secrets of every deployment, by id. */
    private ObjectNode readAll() {
        String text;
        try {
            OwnerOnlyPermissions.tighten(path);
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return JobJson.mapper().createObjectNode();
        } catch (IOException failed) {
            throw new SecretStoreException("Could not read the secrets file " + path + ": " + failed.getMessage());
        }
        try {
            JsonNode deployments = SecretsJson.parse(text, "the secrets file " + path).path("deployments");
            if (!deployments.isObject()) {
                throw new SecretStoreException("The secrets file " + path + " holds no secrets in the expected form.");
            }
            return (ObjectNode) deployments;
        } catch (SecretStoreException damaged) {
            throw moveAside(damaged);
        }
    }

    private SecretStoreException moveAside(SecretStoreException damaged) {
        try {
            Path aside = AtomicFiles.moveAside(path);
            LOG.warn("{} It was moved to {}.", damaged.getMessage(), aside);
            return new SecretStoreException(damaged.getMessage() + " It was moved to " + aside
                    + "; enter the tokens and passwords of the remote deployments again.");
        } catch (IOException failed) {
            return new SecretStoreException(damaged.getMessage() + " It could not be moved aside either: " + failed.getMessage());
        }
    }

    private void writeAll(ObjectNode deployments) {
        ObjectNode root = JobJson.mapper().createObjectNode().put("version", VERSION);
        root.set("deployments", deployments);
        try {
            byte[] content = JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            AtomicFiles.write(path, content, OwnerOnlyPermissions::restrict, OwnerOnlyPermissions.forNewFile(path.getParent()));
            OwnerOnlyPermissions.restrict(path);
        } catch (IOException failed) {
            throw new SecretStoreException("Could not write the secrets file " + path + ": " + failed.getMessage());
        }
    }
}
