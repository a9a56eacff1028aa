package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.remote.Credentials;
import java.util.Optional;
import java.util.function.Consumer;

/** A deployment's tokens as saved, and a renewed access token saved again for the next start. */
final class SavedCredentials implements Credentials {

    private volatile String accessToken;
    private final Optional<String> refreshToken;
    private final Consumer<String> save;

    SavedCredentials(DeploymentSecrets secrets, Consumer<String> save) {
        this.accessToken = secrets.accessToken();
        this.refreshToken = Optional.ofNullable(secrets.refreshToken());
        this.save = save;
    }

    @Override
    public String accessToken() {
        return accessToken;
    }

    @Override
    public Optional<String> refreshToken() {
        return refreshToken;
    }

    @Override
    public void accessTokenRefreshed(String newAccessToken) {
        accessToken = newAccessToken;
        save.accept(newAccessToken);
    }

    @Override
    public String toString() {
        return "SavedCredentials[access token: set, refresh token: " + (refreshToken.isPresent() ? "set" : "none") + "]";
    }
}
