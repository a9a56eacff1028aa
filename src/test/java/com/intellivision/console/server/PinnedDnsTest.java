package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class PinnedDnsTest {

    private final StubResolver resolver = new StubResolver()
            .answer("videos.test", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
            .thenAnswer("videos.test", "127.0.0.1");
    private final SubmittedUrls guard = new SubmittedUrls(resolver, AddressPolicy.PUBLIC_ONLY);

    @Test
    void answersOnlyWithTheCheckedAddresses() throws Exception {
        PinnedDns dns = new PinnedDns();
        dns.pin(guard.check("https://videos.test/clip.mp4"));

        assertThat(dns.lookup("videos.test")).containsExactly(
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"));
        assertThat(dns.lookup("VIDEOS.test.")).isEqualTo(dns.lookup("videos.test"));
        assertThat(resolver.lookups()).containsExactly("videos.test");
    }

    @Test
    void aHostThatWasNotCheckedHasNoAddress() {
        PinnedDns dns = new PinnedDns();
        dns.pin(guard.check("https://videos.test/clip.mp4"));

        assertThatThrownBy(() -> dns.lookup("internal.test")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> new PinnedDns().lookup("videos.test")).isInstanceOf(UnknownHostException.class);
    }
}
