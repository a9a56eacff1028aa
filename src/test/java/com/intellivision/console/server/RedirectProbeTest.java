package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP servers, both on loopback: 127.0.0.2 plays a public host and 127.0.0.1 a private one.
 * Names come from a stub resolver that knows only these two addresses, and the probe's DNS knows
 * only what the guard checked, so nothing here can connect anywhere else, even with a broken guard.
 */
class RedirectProbeTest {

    private static final String PUBLIC_IP = "127.0.0.2";
    private static final String PRIVATE_IP = "127.0.0.1";
    /** 127.0.0.2 counts as public for these tests; everything else as in production. */
    private static final AddressPolicy TEST_POLICY = address -> address.getHostAddress().equals(PUBLIC_IP)
            ? Optional.empty() : AddressPolicy.PUBLIC_ONLY.whyRefused(address);

    private final List<String> publicRequests = new CopyOnWriteArrayList<>();
    private final List<String> privateRequests = new CopyOnWriteArrayList<>();
    private final Javalin publicServer = server(publicRequests);
    private final Javalin privateServer = server(privateRequests);
    private final StubResolver resolver = new StubResolver()
            .answer("videos.test", PUBLIC_IP)
            .answer("cdn.test", PUBLIC_IP)
            .answer("www.youtube.com", PUBLIC_IP)
            .answer("internal.test", PRIVATE_IP);
    private final RedirectProbe probe = new RedirectProbe(new SubmittedUrls(resolver, TEST_POLICY));

    RedirectProbeTest() {
        // /hop/n redirects n times, alternating between two public names, then serves the video.
        both(publicServer, "/hop/{n}", ctx -> {
            int n = Integer.parseInt(ctx.pathParam("n"));
            if (n == 0) {
                ctx.result("video");
            } else {
                ctx.redirect(publicUrl(n % 2 == 0 ? "cdn.test" : "videos.test", "/hop/" + (n - 1)));
            }
        });
        both(publicServer, "/to-private", ctx -> ctx.redirect("http://internal.test:" + privateServer.port() + "/secret"));
        both(publicServer, "/to-private-literal", ctx -> ctx.redirect("http://0x7f.1:" + privateServer.port() + "/secret"));
        both(publicServer, "/to-file", ctx -> ctx.redirect("file:///etc/passwd"));
        both(publicServer, "/to-youtube", ctx -> ctx.redirect(publicUrl("www.youtube.com", "/watch?v=abc")));
        publicServer.head("/no-head", ctx -> ctx.status(405));
        publicServer.get("/no-head", ctx -> ctx.redirect("/hop/0"));
        both(privateServer, "/secret", ctx -> ctx.result("secret"));
        publicServer.start(PUBLIC_IP, 0);
        privateServer.start(PRIVATE_IP, 0);
    }

    @AfterEach
    void stopServers() {
        publicServer.stop();
        privateServer.stop();
    }

    @Test
    void aRedirectToAPrivateHostIsRefusedBeforeItIsConnectedTo() {
        assertThatThrownBy(() -> probe.finalUrl(publicUrl("videos.test", "/to-private")))
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusedUrlException.PRIVATE_URL_REFUSED);
                    assertThat(refused.getMessage()).contains("redirects to http://internal.test:" + privateServer.port(),
                            "a loopback address (127.0.0.1)", "--allow-private-urls");
                });
        assertThat(publicRequests).containsExactly("HEAD /to-private");
        assertThat(privateRequests).isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressInAnUnusualSpellingIsRefused() {
        assertThatThrownBy(() -> probe.finalUrl(publicUrl("videos.test", "/to-private-literal")))
                .isInstanceOfSatisfying(RefusedUrlException.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusedUrlException.PRIVATE_URL_REFUSED));
        assertThat(privateRequests).isEmpty();
    }

    @Test
    void aChainOfPublicRedirectsEndsAtTheFinalUrl() {
        URI last = probe.finalUrl(publicUrl("videos.test", "/hop/3"));

        assertThat(last).isEqualTo(URI.create(publicUrl("videos.test", "/hop/0")));
        assertThat(publicRequests).containsExactly("HEAD /hop/3", "HEAD /hop/2", "HEAD /hop/1", "HEAD /hop/0");
        assertThat(resolver.lookups()).containsExactly("videos.test", "videos.test", "cdn.test", "videos.test");
    }

    @Test
    void fiveRedirectsAreFollowedButSixAreRefused() {
        assertThat(probe.finalUrl(publicUrl("videos.test", "/hop/5"))).isEqualTo(URI.create(publicUrl("videos.test", "/hop/0")));

        assertThatThrownBy(() -> probe.finalUrl(publicUrl("videos.test", "/hop/6")))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("redirects more than 5 times");
    }

    @Test
    void aRedirectToAFileIsRefused() {
        assertThatThrownBy(() -> probe.finalUrl(publicUrl("videos.test", "/to-file")))
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusedUrlException.INVALID_YOUTUBE_URL);
                    assertThat(refused.getMessage()).contains("file:///etc/passwd", "only http and https");
                });
    }

    @Test
    void aServerThatRefusesHeadIsAskedForOneByte() {
        assertThat(probe.finalUrl(publicUrl("videos.test", "/no-head"))).isEqualTo(URI.create(publicUrl("videos.test", "/hop/0")));

        assertThat(publicRequests).containsExactly("HEAD /no-head", "GET /no-head bytes=0-0", "HEAD /hop/0");
    }

    @Test
    void youTubeLinksAreCheckedButNotProbed() {
        URI link = URI.create(publicUrl("www.youtube.com", "/watch?v=abc"));

        assertThat(probe.finalUrl(link.toString())).isEqualTo(link);
        assertThat(probe.finalUrl(publicUrl("videos.test", "/to-youtube"))).isEqualTo(link);
        assertThat(publicRequests).containsExactly("HEAD /to-youtube");
        assertThatThrownBy(() -> probe.finalUrl("https://internal.test/watch?v=abc")).isInstanceOf(RefusedUrlException.class);
    }

    @Test
    void anUnreachableHopEndsTheProbeWithoutRefusingTheLink() {
        String closedPort = publicUrl("videos.test", "/hop/0");
        publicServer.stop();

        assertThat(probe.finalUrl(closedPort)).isEqualTo(URI.create(closedPort));
    }

    @Test
    void theConnectionGoesToTheCheckedAddressAndDnsIsNotAskedAgain() throws Exception {
        // Were the name looked up again, it would now point at the private server.
        StubResolver rebinding = new StubResolver().answer("videos.test", PUBLIC_IP).thenAnswer("videos.test", PRIVATE_IP);
        RedirectProbe pinnedProbe = new RedirectProbe(new SubmittedUrls(rebinding, TEST_POLICY));

        URI last = pinnedProbe.finalUrl(publicUrl("videos.test", "/hop/0"));

        assertThat(last).isEqualTo(URI.create(publicUrl("videos.test", "/hop/0")));
        assertThat(publicRequests).containsExactly("HEAD /hop/0");
        assertThat(privateRequests).isEmpty();
        assertThat(rebinding.lookups()).containsExactly("videos.test");
        assertThat(rebinding.resolve("videos.test")).containsExactly(InetAddress.getByName(PRIVATE_IP));
    }

    private String publicUrl(String host, String path) {
        return "http://" + host + ":" + publicServer.port() + path;
    }

    private static Javalin server(List<String> requests) {
        Javalin server = Javalin.create(config -> config.showJavalinBanner = false);
        server.before(ctx -> {
            String range = ctx.header("Range");
            requests.add(ctx.method() + " " + ctx.path() + (range == null ? "" : " " + range));
        });
        return server;
    }

    private static void both(Javalin server, String path, Handler handler) {
        server.addHttpHandler(HandlerType.HEAD, path, handler);
        server.addHttpHandler(HandlerType.GET, path, handler);
    }
}
