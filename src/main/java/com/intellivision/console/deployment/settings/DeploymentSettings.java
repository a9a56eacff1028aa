package com.intellivision.console.deployment.settings;

import java.util.Objects;

/**
 * One remote deployment as people set it up: everything but its secrets, which go to a {@link SecretStore}.
 * Build one with {@link #create} and change it with the {@code with...} copies; every constructor
 * checks and normalizes, throwing {@link IllegalArgumentException}s whose messages can be shown as they are.
 *
 * @param id stable and unique: made from the first name, kept when the deployment is renamed; never "local"
 * @param name what people see and type after {@code --deployment}; unique regardless of case
 * @param kind what answers at {@code baseUrl}
 * @param baseUrl the http(s) address, without a trailing slash
 * @param flowerUrl the address of the deployment's Celery Flower, or null for none
 * @param flowerUser the user name for Flower's basic authentication, or null for none
 * @param queueAlertAbove alert when this many tasks wait in the queue
 * @param pollSeconds how often to ask the deployment for news
 */
public record DeploymentSettings(
        String id,
        String name,
        DeploymentKind kind,
        String baseUrl,
        String flowerUrl,
        String flowerUser,
        int queueAlertAbove,
        int pollSeconds) {

    public static final int DEFAULT_QUEUE_ALERT_ABOVE = 100;
    public static final int DEFAULT_POLL_SECONDS = 1;
    public static final int MAX_NAME_LENGTH = 60;
    private static final int MAX_POLL_SECONDS = 3600;

    public DeploymentSettings {
        id = DeploymentIds.check(id);
        name = checkName(name);
        Objects.requireNonNull(kind, "kind");
        baseUrl = WebAddress.normalize("The server address", baseUrl);
        flowerUrl = isBlank(flowerUrl) ? null : WebAddress.normalize("The Flower address", flowerUrl);
        flowerUser = isBlank(flowerUser) ? null : checkPlainText("The Flower user name", flowerUser.strip());
        if (queueAlertAbove < 1) {
            throw new IllegalArgumentException("The queue alert needs at least 1 waiting task, not " + queueAlertAbove + ".");
        }
        if (pollSeconds < 1 || pollSeconds > MAX_POLL_SECONDS) {
            throw new IllegalArgumentException("The deployment can be asked for news every 1 to " + MAX_POLL_SECONDS
                    + " seconds, not every " + pollSeconds + ".");
        }
    }

    /** A new deployment with a fresh id, no Flower and the default alert and polling. */
    public static DeploymentSettings create(String name, DeploymentKind kind, String baseUrl) {
        String checkedName = checkName(name);
        return new DeploymentSettings(DeploymentIds.fromName(checkedName), checkedName, kind, baseUrl, null, null,
                DEFAULT_QUEUE_ALERT_ABOVE, DEFAULT_POLL_SECONDS);
    }

    public DeploymentSettings withName(String newName) {
        return new DeploymentSettings(id, newName, kind, baseUrl, flowerUrl, flowerUser, queueAlertAbove, pollSeconds);
    }

    public DeploymentSettings withKind(DeploymentKind newKind) {
        return new DeploymentSettings(id, name, newKind, baseUrl, flowerUrl, flowerUser, queueAlertAbove, pollSeconds);
    }

    public DeploymentSettings withBaseUrl(String newBaseUrl) {
        return new DeploymentSettings(id, name, kind, newBaseUrl, flowerUrl, flowerUser, queueAlertAbove, pollSeconds);
    }

    /** Null or blank for no Flower. */
    public DeploymentSettings withFlowerUrl(String newFlowerUrl) {
        return new DeploymentSettings(id, name, kind, baseUrl, newFlowerUrl, flowerUser, queueAlertAbove, pollSeconds);
    }

    /** Null or blank for a Flower without authentication. */
    public DeploymentSettings withFlowerUser(String newFlowerUser) {
        return new DeploymentSettings(id, name, kind, baseUrl, flowerUrl, newFlowerUser, queueAlertAbove, pollSeconds);
    }

    public DeploymentSettings withQueueAlertAbove(int tasks) {
        return new DeploymentSettings(id, name, kind, baseUrl, flowerUrl, flowerUser, tasks, pollSeconds);
    }

    public DeploymentSettings withPollSeconds(int seconds) {
        return new DeploymentSettings(id, name, kind, baseUrl, flowerUrl, flowerUser, queueAlertAbove, seconds);
    }

    /** Whether {@code other} is this name to a person or on the command line: the same regardless of case. */
    public boolean isNamed(String other) {
        return other != null && name.equalsIgnoreCase(other.strip());
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("A deployment needs a name.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A deployment's name can have at most " + MAX_NAME_LENGTH
                    + " characters; this one has " + stripped.length() + ".");
        }
        if (stripped.equalsIgnoreCase(DeploymentIds.LOCAL)) {
            throw new IllegalArgumentException("The name \"local\" belongs to this console's own pool; choose another.");
        }
        return checkPlainText("A deployment's name", stripped);
    }

    private static String checkPlainText(String what, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " cannot contain tabs, line breaks or other control characters.");
        }
        return text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
