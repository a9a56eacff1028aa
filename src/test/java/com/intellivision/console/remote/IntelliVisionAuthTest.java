package com.intellivision.console.remote;

import static com.intellivision.console.remote.Transcripts.ALLOW_LIST;
import static com.intellivision.console.remote.Transcripts.ALLOW_POST;
import static com.intellivision.console.remote.Transcripts.json;
import static com.intellivision.console.remote.Transcripts.parse;
import static com.intellivision.console.remote.Transcripts.server;
import static com.intellivision.console.remote.Transcripts.unauthorized;
import static com.intellivision.console.remote.Transcripts.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntelliVisionAuthTest {

    private static final String REFRESH_PATH = "/api/token/refresh/";

    private MockWebServer server;
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = Transcripts.startLoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutARefreshTokenSaysTheAccessTokenWasRefusedAndToPasteANewOne() {
        server.enqueue(unauthorized(server("access_token_not_valid.json"), ALLOW_LIST));

        try (IntelliVisionClient client = clientWith(new RecordingCredentials(Tokens.ACCESS, null))) {
            assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED);
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.code()).isEqualTo("token_not_valid");
                assertThat(e.getMessage()).contains("refused the access token").contains("Token is invalid or expired")
                        .contains("Paste a new one");
                assertNoTokenIn(e);
            });
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void renewsARefusedAccessTokenOnceAndSendsTheRequestAgain() throws Exception {
        server.setDispatcher(serverRenewing(Tokens.REFRESH));
        RecordingCredentials credentials = new RecordingCredentials(Tokens.ACCESS, Tokens.REFRESH);

        try (IntelliVisionClient client = clientWith(credentials)) {
            assertThat(client.jobs()).isEmpty();

            RecordedRequest refused = server.takeRequest();
            RecordedRequest refresh = server.takeRequest();
            RecordedRequest retried = server.takeRequest();
            assertThat(refused.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.ACCESS);
            assertThat(refresh.getMethod()).isEqualTo("POST");
            assertThat(refresh.getUrl().encodedPath()).isEqualTo(REFRESH_PATH);
            assertThat(refresh.getHeaders().get("Authorization")).isNull();
            assertThat(refresh.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThat(parse(refresh.getBody().utf8())).isEqualTo(parse("{\"refresh\":\"" + Tokens.REFRESH + "\"}"));
            assertThat(retried.getUrl().encodedPath()).isEqualTo("/api/jobs/");
            assertThat(retried.getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.RENEWED_ACCESS);
            assertThat(credentials.refreshed).containsExactly(Tokens.RENEWED_ACCESS);

            // Later requests carry the renewed token from the start.
            assertThat(client.jobs()).isEmpty();
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + Tokens.RENEWED_ACCESS);
            assertThat(refreshes).hasValue(1);
        }
    }

    @Test
    void renewsOnlyOnceWhenTheRenewedTokenIsRefusedToo() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals(REFRESH_PATH)) {
                    refreshes.incrementAndGet();
                    return json(200, server("token_refreshed.json"), ALLOW_POST);
                }
                return unauthorized(server("access_token_not_valid.json"), ALLOW_LIST);
            }
        });
        RecordingCredentials credentials = new RecordingCredentials(Tokens.ACCESS, Tokens.REFRESH);

        try (IntelliVisionClient client = clientWith(credentials)) {
            assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED);
                assertThat(e.getMessage()).contains("refused even the access token it had just renewed").contains("Paste new tokens");
                assertNoTokenIn(e);
            });
        }
        assertThat(refreshes).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(credentials.refreshed).containsExactly(Tokens.RENEWED_ACCESS);
    }

    @Test
    void givesUpWhenTheRefreshTokenIsRefusedAndDoesNotOfferItAgain() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals(REFRESH_PATH)) {
                    refreshes.incrementAndGet();
                    return unauthorized(server("refresh_token_not_valid.json"), ALLOW_POST);
                }
                return unauthorized(server("access_token_not_valid.json"), ALLOW_LIST);
            }
        });
        RecordingCredentials credentials = new RecordingCredentials(Tokens.ACCESS, Tokens.EXPIRED_REFRESH);

        try (IntelliVisionClient client = clientWith(credentials)) {
            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED);
                    assertThat(e.code()).isEqualTo("token_not_valid");
                    assertThat(e.getMessage()).startsWith("Could not list the jobs:")
                            .contains("refused the access token, and the refresh token that would renew it is invalid or expired")
                            .contains("Paste new tokens in the deployment's settings");
                    assertNoTokenIn(e);
                });
            }
        }
        assertThat(refreshes).hasValue(1);
        assertThat(credentials.refreshed).isEmpty();
    }

    @Test
    void requestsRefusedTogetherRenewTheTokenOnlyOnce() throws Exception {
        CountDownLatch bothRefused = new CountDownLatch(2);
        Dispatcher renewing = serverRenewing(Tokens.REFRESH);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (("Bearer " + Tokens.ACCESS).equals(request.getHeaders().get("Authorization"))) {
                    // Both requests are refused only once both have been sent with the old token.
                    bothRefused.countDown();
                    bothRefused.await(5, TimeUnit.SECONDS);
                }
                return renewing.dispatch(request);
            }
        });
        RecordingCredentials credentials = new RecordingCredentials(Tokens.ACCESS, Tokens.REFRESH);
        ExecutorService threads = Executors.newFixedThreadPool(2);

        try (IntelliVisionClient client = clientWith(credentials)) {
            List<Future<List<ServerJob>>> lists = threads.invokeAll(List.of(client::jobs, client::jobs));
            for (Future<List<ServerJob>> list : lists) {
                assertThat(list.get(10, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(bothRefused.getCount()).isZero();
        assertThat(refreshes).hasValue(1);
        assertThat(credentials.refreshed).containsExactly(Tokens.RENEWED_ACCESS);
    }

    /** Answers the job list to the renewed token only, and renews {@code refreshToken}. */
    private Dispatcher serverRenewing(String refreshToken) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals(REFRESH_PATH)) {
                    refreshes.incrementAndGet();
                    return parse(request.getBody().utf8()).path("refresh").asText().equals(refreshToken)
                            ? json(200, server("token_refreshed.json"), ALLOW_POST)
                            : unauthorized(server("refresh_token_not_valid.json"), ALLOW_POST);
                }
                if (("Bearer " + Tokens.RENEWED_ACCESS).equals(request.getHeaders().get("Authorization"))) {
                    return json(200, "[]", ALLOW_LIST);
                }
                return unauthorized(server("access_token_not_valid.json"), ALLOW_LIST);
            }
        };
    }

    private IntelliVisionClient clientWith(Credentials credentials) {
        return new IntelliVisionClient(urlOf(server, "/"), credentials);
    }

    static void assertNoTokenIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage()))
                    .doesNotContain(Tokens.ACCESS, Tokens.REFRESH, Tokens.RENEWED_ACCESS, Tokens.EXPIRED_REFRESH, "eyJ");
        }
    }
}
