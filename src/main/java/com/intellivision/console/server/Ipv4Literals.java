package com.intellivision.console.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads IPv4 addresses the way the C library's {@code inet_aton} does, as curl, ffmpeg and Python
 * do when they fetch: one to four parts, each decimal, octal (a leading 0) or hex (0x), the last
 * part filling the bytes that are left, so {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1}
 * all mean 127.0.0.1. Java's own parser reads {@code 0177.0.0.1} as 177.0.0.1, hence this class.
 */
final class Ipv4Literals {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private Ipv4Literals() {}

    /** True when the host's last label is a number: then every URL parser takes the host for an IPv4 address. */
    static boolean looksNumeric(String host) {
        String[] labels = withoutTrailingDot(host).split("\\.", -1);
        return NUMBER.matcher(labels[labels.length - 1]).matches();
    }

    /** The address the host spells, or empty if it is not a valid IPv4 address in any spelling. */
    static Optional<InetAddress> parse(String host) {
        String[] parts = withoutTrailingDot(host).split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = number(parts[i]);
            boolean last = i == parts.length - 1;
            long limit = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (part < 0 || part > limit) {
                return Optional.empty();
            }
            value = last ? value | part : value | (part << (8 * (3 - i)));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty(); // thrown only for a wrong number of bytes
        }
    }

    /** The part's value, or -1 if it is not a number in any base. */
    private static long number(String part) {
        if (!NUMBER.matcher(part).matches()) {
            return -1;
        }
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            } else if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException notANumber) {
            return -1; // too large for a long
        }
    }

    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
