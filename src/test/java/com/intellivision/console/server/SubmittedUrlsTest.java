package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard alone: names come from a stub resolver and nothing connects. */
class SubmittedUrlsTest {

    private final StubResolver resolver = new StubResolver()
            .answer("videos.test", "93.184.216.34")
            .answer("www.youtube.com", "142.250.74.46")
            .answer("internal.test", "10.1.2.3")
            .answer("localhost", "127.0.0.1", "::1")
            .answer("mixed.test", "93.184.216.34", "192.168.0.7")
            .answer("metadata.test", "169.254.169.254")
            .answer("v6.test", "2606:2800:220:1:248:1893:25c8:1946");
    private final SubmittedUrls guard = new SubmittedUrls(resolver, AddressPolicy.PUBLIC_ONLY);
    private final SubmittedUrls allowingPrivate = new SubmittedUrls(resolver, AddressPolicy.ANY_ADDRESS);

    @ParameterizedTest(name = "{0} points at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/                          | 127.0.0.1
            http://2130706433/                         | 127.0.0.1
            http://0x7f000001/                         | 127.0.0.1
            http://0x7f.1/                             | 127.0.0.1
            http://0177.0.0.1/                         | 127.0.0.1
            http://0177.0.0.01:8080/                   | 127.0.0.1
            http://127.1/                              | 127.0.0.1
            http://127.0.0.1./                         | 127.0.0.1
            http://１２７.0.0.1/                        | 127.0.0.1
            HTTP://127.0.0.1/                          | 127.0.0.1
            http://user:secret@127.0.0.1/              | 127.0.0.1
            http://videos.test@127.0.0.1/              | 127.0.0.1
            http://[::1]/                              | 0:0:0:0:0:0:0:1
            http://[::]/                               | 0:0:0:0:0:0:0:0
            http://0.0.0.0/                            | 0.0.0.0
            http://0/                                  | 0.0.0.0
            http://[::ffff:7f00:1]/                    | 127.0.0.1
            http://[::ffff:127.0.0.1]/                 | 127.0.0.1
            http://[::7f00:1]/                         | 0:0:0:0:0:0:7f00:1
            http://[2002:7f00:1::]/                    | 2002:7f00:1:0:0:0:0:0
            http://[64:ff9b::7f00:1]/                  | 64:ff9b:0:0:0:0:7f00:1
            http://10.1.2.3/                           | 10.1.2.3
            http://167772161/                          | 10.0.0.1
            http://172.16.0.1/                         | 172.16.0.1
            http://192.168.1.1/                        | 192.168.1.1
            http://3232235777/                         | 192.168.1.1
            http://100.64.0.1/                         | 100.64.0.1
            http://169.254.169.254/latest/meta-data/   | 169.254.169.254
            http://0xa9fea9fe/                         | 169.254.169.254
            http://[fd00:ec2::254]/                    | fd00:ec2:0:0:0:0:0:254
            http://[fe80::1]/                          | fe80:0:0:0:0:0:0:1
            http://[fc00::1]/                          | fc00:0:0:0:0:0:0:1
            http://224.0.0.1/                          | 224.0.0.1
            http://255.255.255.255/                    | 255.255.255.255
            http://[ff02::1]/                          | ff02:0:0:0:0:0:0:1
            https://internal.test/clip.mp4             | 10.1.2.3
            http://localhost:8080/                     | 127.0.0.1
            http://LOCALHOST./                         | 127.0.0.1
            http://mixed.test/                         | 192.168.0.7
            http://metadata.test/                      | 169.254.169.254
            """)
    void addressesOffThePublicInternetAreRefused(String url, String address) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusedUrlException.PRIVATE_URL_REFUSED);
                    assertThat(refused.getMessage()).contains("(" + address + ")", "only fetches public addresses",
                            "--allow-private-urls");
                });
    }

    @Test
    void theMessageSaysWhatKindOfAddressItIs() {
        assertThatThrownBy(() -> guard.check("http://10.1.2.3/clip.mp4")).hasMessage(
                "The URL points at a private network address (10.1.2.3); this server only fetches public addresses."
                        + " Start serve with --allow-private-urls to allow it.");
        assertThatThrownBy(() -> guard.check("https://internal.test/clip.mp4"))
                .hasMessageStartingWith("The URL's host internal.test resolves to a private network address (10.1.2.3);");
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).hasMessageContaining("the cloud metadata address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://videos.test/clip.mp4", "http://videos.test:8080/a/b.mp4?x=1#t", "http://user@videos.test/",
            "https://www.youtube.com/watch?v=abc", "http://93.184.216.34/clip.mp4", "http://172.32.0.1/", "http://100.128.0.1/",
            "http://[2606:2800:220:1:248:1893:25c8:1946]/", "https://v6.test/clip.mp4", "https://VIDEOS.test./clip.mp4"})
    void publicUrlsPass(String url) {
        CheckedUrl checked = guard.check(url);

        assertThat(checked.addresses()).isNotEmpty();
        assertThat(checked.addresses()).allSatisfy(address -> assertThat(AddressRanges.nonPublicKind(address)).isEmpty());
    }

    @Test
    void aNameIsCheckedOnTheAddressesItResolvedTo() throws Exception {
        CheckedUrl checked = guard.check("https://VIDEOS.test./clip.mp4");

        assertThat(checked.host()).isEqualTo("videos.test");
        assertThat(checked.addresses()).containsExactly(InetAddress.getByName("93.184.216.34"));
        assertThat(checked.literalAddress()).isFalse();
        assertThat(resolver.lookups()).containsExactly("videos.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "FILE:/etc/passwd", "ftp://videos.test/clip.mp4", "data:video/mp4;base64,AAAA",
            "jar:http://videos.test/x.jar!/clip.mp4", "gopher://videos.test/", "javascript:alert(1)", "ws://videos.test/"})
    void schemesOtherThanHttpAreRefused(String url) {
        assertRefusedAsInvalid(guard, url, "scheme; this server fetches only http and https links");
        assertRefusedAsInvalid(allowingPrivate, url, "scheme; this server fetches only http and https links");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                            | No video URL was given
            '   '                         | No video URL was given
            www.youtube.com/watch?v=abc   | is not a full URL
            http://                       | is not a valid URL
            http:///clip.mp4              | has no host
            http:clip.mp4                 | has no host
            http://videos.test:99999999/  | is not a port number
            http://0x7f.1:0/              | is not a port number
            'http://exa mple.test/'       | is not a valid URL
            http://%31%32%37.0.0.1/       | host %31%32%37.0.0.1 is not a valid
            http://exa%6dple.test/        | is not a valid host name
            http://1.2.3.4.5/             | is not a valid IPv4 address
            http://256.0.0.1/             | is not a valid IPv4 address
            http://08.0.0.1/              | is not a valid IPv4 address
            http://[::ffff:xyz]/          | is not a valid URL
            http://[::ffff:7f00:1%25zz]/  | is not a valid IPv6 address
            """)
    void malformedUrlsAreRefused(String url, String message) {
        assertRefusedAsInvalid(guard, url, message);
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedClearly() {
        assertRefusedAsInvalid(guard, "https://no-such-host.test/clip.mp4",
                "The URL's host no-such-host.test could not be found; check the link for a typo.");
    }

    @Test
    void anUnusualSpellingOfAPublicAddressIsRefusedWithTheUsualOne() {
        // 010.0.0.1 is 8.0.0.1 to curl and ffmpeg but 10.0.0.1 to Java: too ambiguous to pass on.
        assertRefusedAsInvalid(guard, "http://010.0.0.1/", "write it as 8.0.0.1");
        assertRefusedAsInvalid(guard, "http://1572395042/", "write it as 93.184.216.34");
    }

    @Test
    void allowingPrivateUrlsTurnsOffOnlyTheAddressChecks() {
        assertThat(allowingPrivate.check("http://10.1.2.3/clip.mp4").host()).isEqualTo("10.1.2.3");
        assertThat(allowingPrivate.check("http://localhost:8080/").addresses()).hasSize(2);
        assertThat(allowingPrivate.check("http://[::ffff:7f00:1]/").host()).isEqualTo("127.0.0.1");
        assertRefusedAsInvalid(allowingPrivate, "http://127.1/", "write it as 127.0.0.1");
        assertRefusedAsInvalid(allowingPrivate, "file:///etc/passwd", "scheme");
        assertRefusedAsInvalid(allowingPrivate, "https://no-such-host.test/", "could not be found");
    }

    @Test
    void youTubeHostsAreRecognised() {
        StubResolver youTube = new StubResolver();
        for (String host : new String[] {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be",
                "www.youtube-nocookie.com"}) {
            youTube.answer(host, "142.250.74.46");
        }
        youTube.answer("youtube.com.videos.test", "142.250.74.46");
        SubmittedUrls youTubeGuard = new SubmittedUrls(youTube, AddressPolicy.PUBLIC_ONLY);

        assertThat(youTubeGuard.check("https://www.youtube.com/watch?v=abc").isYouTube()).isTrue();
        assertThat(youTubeGuard.check("https://youtu.be/abc").isYouTube()).isTrue();
        assertThat(youTubeGuard.check("https://M.YouTube.com/watch?v=abc").isYouTube()).isTrue();
        assertThat(youTubeGuard.check("https://music.youtube.com/watch?v=abc").isYouTube()).isTrue();
        assertThat(youTubeGuard.check("https://www.youtube-nocookie.com/embed/abc").isYouTube()).isTrue();
        assertThat(youTubeGuard.check("https://youtube.com.videos.test/watch?v=abc").isYouTube()).isFalse();
    }

    private static void assertRefusedAsInvalid(SubmittedUrls guard, String url, String message) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusedUrlException.INVALID_YOUTUBE_URL);
                    assertThat(refused.getMessage()).contains(message);
                });
    }
}
