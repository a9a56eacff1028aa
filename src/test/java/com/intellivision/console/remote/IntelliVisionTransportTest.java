package com.intellivision.console.remote;

import static com.intellivision.console.remote.IntelliVisionAuthTest.assertNoTokenIn;
import static com.intellivision.console.remote.Transcripts.ALLOW_JOB;
import static com.intellivision.console.remote.Transcripts.ALLOW_LIST;
import static com.intellivision.console.remote.Transcripts.ALLOW_ME;
import static com.intellivision.console.remote.Transcripts.html;
import static com.intellivision.console.remote.Transcripts.json;
import static com.intellivision.console.remote.Transcripts.server;
import static com.intellivision.console.remote.Transcripts.serverJson;
import static com.intellivision.console.remote.Transcripts.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.job.JobRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntelliVisionTransportTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofMillis(600));

    private MockWebServer server;
    private OkHttpClient http;
    private IntelliVisionClient client;

    @BeforeEach
    void start() throws IOException {
        server = Transcripts.startLoopbackServer();
        http = new OkHttpClient();
        client = new IntelliVisionClient(urlOf(server, "/"), new RecordingCredentials(Tokens.ACCESS, Tokens.REFRESH), http, SHORT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void reportsARedirectToHttpsWithoutFollowingIt() {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Content-Type", "text/html; charset=utf-8")
                .setHeader("Location", "https://127.0.0.1:8443/api/jobs/").setHeader("Vary", "Origin").build());

        assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.REDIRECTED);
            assertThat(e.httpStatus()).isEqualTo(301);
            assertThat(e.getMessage()).contains("redirects to https://127.0.0.1:8443/api/jobs/", "from http to https",
                    "use https://127.0.0.1:8443/ as the address in the deployment's settings");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsTheServersOwnRelativeRedirect() {
        // As the server answers a path without its trailing slash (11_trailing_slash_and_misc.txt).
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Content-Type", "text/html; charset=utf-8")
                .setHeader("Location", "/api/jobs/").setHeader("Vary", "Origin").build());

        assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.REDIRECTED);
            assertThat(e.getMessage()).contains("redirects to " + urlOf(server, "/api/jobs/")).doesNotContain("https");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callsJsonThatBreaksOffMalformed() {
        server.enqueue(json(200, "[{\"id\": 3, \"status\": ", ALLOW_LIST));

        assertThatThrownBy(client::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.MALFORMED);
            assertThat(e.getMessage()).startsWith("Could not list the jobs:").contains("something other than the JSON expected");
        });
    }

    @Test
    void callsAnHtmlPageWhereJsonWasDueMalformedWithoutShowingIt() {
        server.enqueue(html(200, server("page_not_found.html")));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("an HTML page where JSON was due").doesNotContain("<", "Page not found");
        });
    }

    @Test
    void callsAJobInAStateNoOneKnowsMalformed() {
        server.enqueue(json(200, serverJson("job_6_pending.json").put("status", "queued").toString(), ALLOW_JOB));

        assertThatThrownBy(() -> client.job(6)).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("unknown state 'queued'");
        });
    }

    @Test
    void saysWhereNothingAnswersHtmlPagesAside() {
        server.enqueue(html(404, server("page_not_found.html")));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("has nothing at /api/me/", "Check that the address")
                    .doesNotContain("<", "Page not found", "URLconf");
        });
    }

    @Test
    void countsEveryAnswerAndTheServerErrorsAmongThemButNotACallNeverAnswered() {
        server.enqueue(json(200, serverJson("job_6_pending.json").toString(), ALLOW_JOB));
        server.enqueue(json(500, "{\"detail\": \"A server error occurred.\"}", ALLOW_JOB));
        server.enqueue(html(502, "<html><body>Bad Gateway</body></html>"));
        server.enqueue(html(404, server("page_not_found.html")));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        assertThat(client.answerCounts()).isEqualTo(new AnswerCounts(0, 0));

        client.job(6);
        for (int call = 0; call < 4; call++) {
            assertThatThrownBy(() -> client.job(6)).isInstanceOf(RemoteException.class);
        }

        assertThat(client.answerCounts()).as("200, 500, 502 and 404 answered; the stalled call did not").isEqualTo(new AnswerCounts(4, 2));
    }

    @Test
    void callsAClosedPortUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        try (IntelliVisionClient closed = new IntelliVisionClient("http://127.0.0.1:" + port, new RecordingCredentials(Tokens.ACCESS, null))) {
            assertThatThrownBy(closed::jobs).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNREACHABLE);
                assertThat(e.httpStatus()).isEqualTo(RemoteException.NO_STATUS);
                assertThat(e.getMessage()).contains("http://127.0.0.1:" + port + "/", "cannot be reached", "Check that it is running");
                assertNoTokenIn(e);
            });
        }
    }

    @Test
    void givesUpOnAPollThatIsNeverAnsweredWithinItsTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.job(6)).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("did not answer within 0.4 s");
            assertNoTokenIn(e);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void givesUpOnASubmissionThatIsNeverAnsweredWithinItsTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.submit(JobRequest.count("http://127.0.0.1:8090/test.mp4", null)))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).startsWith("Could not submit the people count job:").contains("within 0.6 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void keepsTokensOutOfEveryMessage() {
        server.enqueue(json(400, server("refresh_field_required.json"), ALLOW_ME));
        server.enqueue(json(405, server("method_not_allowed.json"), ALLOW_ME));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("refresh: This field is required.");
            assertNoTokenIn(e);
        });
        assertThatThrownBy(client::me).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.getMessage()).contains("HTTP 405", "Method \"GET\" not allowed.");
            assertNoTokenIn(e);
        });
    }
}
