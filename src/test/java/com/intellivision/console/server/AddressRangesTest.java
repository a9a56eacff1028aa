package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses are built from literals only: nothing here asks DNS or connects. */
class AddressRangesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                  | an unspecified ("this host") address
            0.1.2.3                  | an unspecified ("this host") address
            127.0.0.1                | a loopback address
            127.255.255.254          | a loopback address
            10.1.2.3                 | a private network address
            172.16.0.1               | a private network address
            172.31.255.255           | a private network address
            192.168.1.1              | a private network address
            100.64.0.1               | a carrier-grade NAT address
            100.127.255.255          | a carrier-grade NAT address
            169.254.1.1              | a link-local address
            169.254.169.254          | the cloud metadata address
            224.0.0.1                | a multicast address
            239.255.255.250          | a multicast address
            255.255.255.255          | the broadcast address
            240.0.0.1                | a reserved address
            ::                       | an unspecified ("this host") address
            ::1                      | a loopback address
            fe80::1                  | a link-local address
            febf::1                  | a link-local address
            fec0::1                  | a site-local address
            fc00::1                  | a unique-local (private) address
            fd12:3456::1             | a unique-local (private) address
            fd00:ec2::254            | the cloud metadata address
            ff02::1                  | a multicast address
            ::ffff:127.0.0.1         | a loopback address
            ::ffff:10.0.0.1          | a private network address
            ::7f00:1                 | a loopback address
            ::a9fe:a9fe              | the cloud metadata address
            2002:7f00:1::            | a loopback address
            2002:c0a8:101::1         | a private network address
            64:ff9b::7f00:1          | a loopback address
            64:ff9b::a9fe:a9fe       | the cloud metadata address
            """)
    void nonPublicAddressesAreNamed(String literal, String kind) throws Exception {
        assertThat(AddressRanges.nonPublicKind(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.1.1", "192.167.1.1", "223.255.255.255", "2606:2800:220:1:248:1893:25c8:1946", "2002:808:808::1",
            "64:ff9b::808:808", "::ffff:8.8.8.8"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(AddressRanges.nonPublicKind(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "10.0.0.1"})
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address(String ipv4) throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; built by hand it stays IPv6.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        Inet6Address address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressRanges.nonPublicKind(address)).isEqualTo(AddressRanges.nonPublicKind(InetAddress.getByName(ipv4)));
        assertThat(AddressRanges.nonPublicKind(address)).isPresent();
    }
}
