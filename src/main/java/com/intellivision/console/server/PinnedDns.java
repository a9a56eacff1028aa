package com.intellivision.console.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dns;

/**
 * OkHttp's DNS for a probe: it answers only with the addresses {@link SubmittedUrls} checked, so an
 * answer that changes between the check and the connection (DNS rebinding) cannot be followed. A
 * host that was not checked has no address at all.
 */
final class PinnedDns implements Dns {

    private final Map<String, List<InetAddress>> checked = new ConcurrentHashMap<>();

    void pin(CheckedUrl url) {
        checked.put(key(url.host()), url.addresses());
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = checked.get(key(hostname));
        if (addresses == null) {
            throw new UnknownHostException(hostname + " was not checked, so it is not connected to");
        }
        return addresses;
    }

    private static String key(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
