package com.intellivision.console.deployment.settings;

/**
 * The secrets of one deployment. {@link #toString()} says only which are set, and no message here
 * repeats a value, so an instance can end up in a log line or an error without giving anything away.
 *
 * @param accessToken the bearer token sent to the deployment
 * @param refreshToken the token that gets a new access token, or null for none
 * @param flowerPassword the password for Flower's basic authentication, or null for none
 */
public record DeploymentSecrets(String accessToken, String refreshToken, String flowerPassword) {

    public DeploymentSecrets {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("The access token is empty; paste the token the deployment gave you.");
        }
        accessToken = checkSingleLine("The access token", accessToken.strip());
        refreshToken = isBlank(refreshToken) ? null : checkSingleLine("The refresh token", refreshToken.strip());
        flowerPassword = isBlank(flowerPassword) ? null : checkSingleLine("The Flower password", flowerPassword);
    }

    /** Only an access token. */
    public static DeploymentSecrets ofAccessToken(String accessToken) {
        return new DeploymentSecrets(accessToken, null, null);
    }

    public DeploymentSecrets withAccessToken(String newAccessToken) {
        return new DeploymentSecrets(newAccessToken, refreshToken, flowerPassword);
    }

    /** Null or blank for none. */
    public DeploymentSecrets withRefreshToken(String newRefreshToken) {
        return new DeploymentSecrets(accessToken, newRefreshToken, flowerPassword);
    }

    /** Null or blank for none. */
    public DeploymentSecrets withFlowerPassword(String newFlowerPassword) {
        return new DeploymentSecrets(accessToken, refreshToken, newFlowerPassword);
    }

    @Override
    public String toString() {
        return "DeploymentSecrets[access token: set, refresh token: " + setOrNone(refreshToken)
                + ", Flower password: " + setOrNone(flowerPassword) + "]";
    }

    /** {@code text} with every one of these secrets in it replaced by "***". */
    String redact(String text) {
        String redacted = text;
        for (String secret : new String[] {accessToken, refreshToken, flowerPassword}) {
            if (secret != null) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted;
    }

    private static String checkSingleLine(String what, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " contains a line break or another control character; paste it again without.");
        }
        return value;
    }

    private static String setOrNone(String value) {
        return value == null ? "none" : "set";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
