package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Sends the access token with every request to the server (never to another host) and, when the server
 * refuses it, renews it once with the refresh token ({@code POST /api/token/refresh/}) and sends the
 * request again. Requests refused together renew the token only once: a request that was sent with a
 * token that has been renewed since is just sent again with the new one.
 */
final class BearerAuth implements Interceptor, Authenticator {

    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final Credentials credentials;
    private final OkHttpClient refreshClient;
    private final HttpUrl refreshUrl;
    private final Object renewal = new Object();
    private volatile String accessToken;
    /** The refresh token the server refused and why, so that it is not offered again; guarded by {@link #renewal}. */
    private Refusal refusal;

    private record Refusal(String refreshToken, String code, int status, String reason) {}

    /** @param refreshClient a client without this authenticator, so that a refused refresh is not renewed in turn */
    BearerAuth(HttpUrl base, Credentials credentials, OkHttpClient refreshClient) {
        this.base = base;
        this.credentials = credentials;
        this.refreshClient = refreshClient;
        this.refreshUrl = base.resolve("api/token/refresh/");
        this.accessToken = credentials.accessToken();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!BaseUrls.sameOrigin(request.url(), base)) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header(AUTHORIZATION, BEARER + accessToken).build());
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
        Optional<String> refreshToken = credentials.refreshToken().filter(token -> !token.isBlank());
        if (response.priorResponse() != null || refreshToken.isEmpty() || !asksForBearer(response)
                || !BaseUrls.sameOrigin(response.request().url(), base)) {
            return null;
        }
        String sent = response.request().header(AUTHORIZATION);
        String token;
        synchronized (renewal) {
            token = (BEARER + accessToken).equals(sent) ? renew(refreshToken.get()) : accessToken;
        }
        return response.request().newBuilder().header(AUTHORIZATION, BEARER + token).build();
    }

    private static boolean asksForBearer(Response response) {
        return response.challenges().stream().map(Challenge::scheme).anyMatch("Bearer"::equalsIgnoreCase);
    }

    private String renew(String refreshToken) throws IOException {
        if (refusal != null && refusal.refreshToken().equals(refreshToken)) {
            throw refused(refusal);
        }
        String body = JobJson.mapper().createObjectNode().put("refresh", refreshToken).toString();
        Request request = new Request.Builder().url(refreshUrl).header("Accept", "application/json")
                .post(RequestBody.create(body, JSON)).build();
        Reply reply;
        try (Response response = refreshClient.newCall(request).execute()) {
            reply = Reply.read(response);
        }
        if (reply.status() == 400 || reply.status() == 401) {
            Optional<ServerErrors.Reason> reason = ServerErrors.reasonOf(reply);
            refusal = new Refusal(refreshToken, reason.map(ServerErrors.Reason::code).orElse(null), reply.status(),
                    reason.map(ServerErrors.Reason::message).orElse("HTTP " + reply.status()));
            throw refused(refusal);
        }
        JsonNode access = reply.isSuccess() ? accessOf(reply) : null;
        if (access == null || !access.isTextual() || access.asText().isBlank()) {
            throw new RefreshFailure(reply.isSuccess() ? RemoteException.Kind.MALFORMED : RemoteException.Kind.SERVER_ERROR, null,
                    reply.status(), "the server refused the access token, and renewing it failed (HTTP " + reply.status()
                            + " from " + refreshUrl.encodedPath() + "). Try again later, or paste new tokens in the deployment's settings.");
        }
        accessToken = access.asText();
        credentials.accessTokenRefreshed(accessToken);
        return accessToken;
    }

    private static JsonNode accessOf(Reply reply) {
        try {
            return JobJson.mapper().readTree(reply.body()).path("access");
        } catch (IOException notJson) {
            return null;
        }
    }

    private static RefreshFailure refused(Refusal refusal) {
        return new RefreshFailure(RemoteException.Kind.UNAUTHORIZED, refusal.code(), refusal.status(),
                "the server refused the access token, and the refresh token that would renew it is invalid or expired ("
                        + refusal.reason() + "). Paste new tokens in the deployment's settings.");
    }
}
