package com.intellivision.console.remote;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tokens as a deployment's settings would hold them, remembering every access token the client renewed. */
final class RecordingCredentials implements Credentials {

    private final String access;
    private final String refresh;
    final List<String> refreshed = new CopyOnWriteArrayList<>();

    RecordingCredentials(String access, String refresh) {
        this.access = access;
        this.refresh = refresh;
    }

    @Override
    public String accessToken() {
        return access;
    }

    @Override
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refresh);
    }

    @Override
    public void accessTokenRefreshed(String newAccessToken) {
        refreshed.add(newAccessToken);
    }
}
