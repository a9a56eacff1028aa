package com.intellivision.console.remote;

import java.util.Optional;

/**
 * The JWTs an {@link IntelliVisionClient} authenticates with. The client asks for the access token once,
 * keeps the renewed one for its own later requests, and hands each renewed token to
 * {@link #accessTokenRefreshed} so that the caller can store it.
 */
public interface Credentials {

    String accessToken();

    /** The token that renews the access token when the server refuses it, or empty to have none renewed. */
    Optional<String> refreshToken();

    /** Called, on an HTTP thread, with the access token the server just issued in place of the refused one. */
    void accessTokenRefreshed(String newAccessToken);
}
