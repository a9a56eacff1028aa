package com.intellivision.console.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The address ranges that are not the public internet, judged on the address's bytes, never on
 * how it was written. {@link InetAddress}'s own tests cover loopback, private (site-local),
 * link-local, unspecified and multicast; the rest (carrier-grade NAT, unique-local IPv6, cloud
 * metadata, broadcast, reserved, and IPv4 addresses carried inside IPv6 ones) are checked here.
 */
final class AddressRanges {

    private static final byte[] AWS_IPV6_METADATA = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};

    private AddressRanges() {}

    /** What kind of non-public address this is ("a loopback address"), or empty for a public one. */
    static Optional<String> nonPublicKind(InetAddress address) {
        return Optional.ofNullable(address instanceof Inet6Address v6 ? ipv6Kind(v6) : ipv4Kind(address));
    }

    private static String ipv4Kind(InetAddress address) {
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isAnyLocalAddress() || first == 0) {
            return "an unspecified (\"this host\") address";
        } else if (address.isLoopbackAddress()) {
            return "a loopback address";
        } else if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
            return "the cloud metadata address";
        } else if (address.isLinkLocalAddress()) {
            return "a link-local address";
        } else if (address.isSiteLocalAddress()) {
            return "a private network address";
        } else if (first == 100 && (second & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        } else if (Arrays.equals(b, new byte[] {-1, -1, -1, -1})) {
            return "the broadcast address";
        } else if (address.isMulticastAddress()) {
            return "a multicast address";
        } else if (first >= 240) {
            return "a reserved address";
        }
        return null;
    }

    private static String ipv6Kind(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return "an unspecified (\"this host\") address";
        } else if (address.isLoopbackAddress()) {
            return "a loopback address";
        } else if (Arrays.equals(b, AWS_IPV6_METADATA)) {
            return "the cloud metadata address";
        } else if (address.isLinkLocalAddress()) {
            return "a link-local address";
        } else if (address.isSiteLocalAddress()) {
            return "a site-local address";
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "a unique-local (private) address";
        } else if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        // An IPv4 address inside an IPv6 one reaches the IPv4 host, so it is judged as that host.
        byte[] embedded = embeddedIpv4(b);
        return embedded == null ? null : ipv4Kind(ipv4(embedded));
    }

    /** The IPv4 address that a mapped, compatible, 6to4 or NAT64 address carries, or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = isZero(b, 0, 10);
        if (zeroPrefix && ((b[10] == -1 && b[11] == -1) || (b[10] == 0 && b[11] == 0))) {
            return Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d and the deprecated ::a.b.c.d
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 6to4, 2002:aabb:ccdd::/48
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && isZero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16); // NAT64, 64:ff9b::a.b.c.d
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] fourBytes) {
        try {
            return InetAddress.getByAddress(fourBytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException(impossible); // thrown only for a length other than 4 or 16
        }
    }
}
