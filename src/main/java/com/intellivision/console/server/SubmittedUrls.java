package com.intellivision.console.server;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a URL that someone submitted may be fetched by this server, so that the server
 * cannot be used to reach itself or the network it stands in (server-side request forgery).
 *
 * <p>The policy:
 * <ul>
 *   <li>Only {@code http} and {@code https} URLs with a host; {@code file:}, {@code ftp:},
 *       {@code data:}, {@code jar:} and the rest are refused. User info ({@code user@}) is allowed;
 *       only the host counts.</li>
 *   <li>The host is turned into addresses before it is judged: a literal address is parsed (IPv4 in
 *       every spelling {@code inet_aton} accepts, such as {@code 2130706433} or {@code 0x7f.1}, and
 *       IPv6 in brackets); a name is resolved with the {@link HostResolver}. A name that does not
 *       resolve is refused.</li>
 *   <li>If any of the addresses is not public ({@link AddressRanges}: loopback, private, link-local
 *       and cloud metadata, carrier-grade NAT, unique-local, multicast, broadcast, and IPv4 addresses
 *       inside IPv6 ones) the URL is refused, unless {@code serve --allow-private-urls} chose
 *       {@link AddressPolicy#ANY_ADDRESS}. The scheme and host checks apply either way.</li>
 *   <li>A literal IPv4 address written in any form but the usual {@code a.b.c.d} is refused even when
 *       public, because programs disagree on what such forms mean.</li>
 * </ul>
 * Checking needs DNS but never connects; {@link RedirectProbe} applies the same check to every
 * redirect of a direct link, and connects only to the addresses checked.
 */
public final class SubmittedUrls {

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final Pattern VALID_PORT =
            Pattern.compile("[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]");
    private static final String EXAMPLE = "submit an http(s) link such as https://www.youtube.com/watch?v=...";
    /** Far above any real video link (YouTube's are under 100 characters, signed CDN links under 2,000). */
    static final int MAX_URL_LENGTH = 4096;
    /** How much of a refused link a message quotes. */
    private static final int QUOTED_LENGTH = 120;
    private static final String PUBLIC_ONLY =
            "; this server only fetches public addresses. Start serve with --allow-private-urls to allow it.";

    private final HostResolver resolver;
    private final AddressPolicy policy;

    public SubmittedUrls(HostResolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    /** The guard of {@code serve}: the system's DNS, and public addresses only unless private ones are allowed. */
    public static SubmittedUrls forServe(boolean allowPrivateUrls) {
        return new SubmittedUrls(HostResolver.SYSTEM, allowPrivateUrls ? AddressPolicy.ANY_ADDRESS : AddressPolicy.PUBLIC_ONLY);
    }

    /** The URL with the addresses it was judged on; throws {@link RefusedUrlException} if it may not be fetched. */
    public CheckedUrl check(String url) {
        URI uri = parse(url);
        String rawHost = rawHost(uri);
        if (rawHost.startsWith("[")) {
            InetAddress address = ipv6Literal(rawHost);
            refuseIfNotAllowed(address, "The URL points at ");
            return new CheckedUrl(uri, address.getHostAddress(), List.of(address), true);
        }
        String host = asciiHost(rawHost);
        if (Ipv4Literals.looksNumeric(host)) {
            InetAddress address = Ipv4Literals.parse(host).orElseThrow(() -> RefusedUrlException.invalid(
                    "The URL's host " + host + " is not a valid IPv4 address; " + EXAMPLE + "."));
            refuseIfNotAllowed(address, "The URL points at ");
            if (!host.equals(address.getHostAddress())) {
                throw RefusedUrlException.invalid("The URL writes the address " + address.getHostAddress() + " as " + host
                        + ", which programs read differently; write it as " + address.getHostAddress() + ".");
            }
            return new CheckedUrl(uri, host, List.of(address), true);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!HOST_NAME.matcher(name).matches()) {
            throw RefusedUrlException.invalid("The URL's host \"" + rawHost + "\" is not a valid host name; " + EXAMPLE + ".");
        }
        List<InetAddress> addresses = resolve(name);
        for (InetAddress address : addresses) {
            refuseIfNotAllowed(address, "The URL's host " + name + " resolves to ");
        }
        return new CheckedUrl(uri, name, addresses, false);
    }

    private void refuseIfNotAllowed(InetAddress address, String opening) {
        Optional<String> refusal = policy.whyRefused(address);
        if (refusal.isPresent()) {
            throw new RefusedUrlException(RefusedUrlException.PRIVATE_URL_REFUSED,
                    opening + refusal.get() + " (" + address.getHostAddress() + ")" + PUBLIC_ONLY);
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw RefusedUrlException.invalid("No video URL was given; " + EXAMPLE + ".");
        }
        if (url.strip().length() > MAX_URL_LENGTH) {
            throw RefusedUrlException.invalid("The URL is " + url.strip().length() + " characters long; this server takes links of up to "
                    + MAX_URL_LENGTH + ". Submit the video's own address, without anything pasted after it.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw RefusedUrlException.invalid(quoted(url) + " is not a valid URL (" + e.getReason() + "); " + EXAMPLE + ".");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw RefusedUrlException.invalid(quoted(url) + " is not a full URL; " + EXAMPLE + ".");
        } else if (!scheme.equals("http") && !scheme.equals("https")) {
            throw RefusedUrlException.invalid("The URL uses the " + scheme + ": scheme; this server fetches only http and https links.");
        }
        return uri;
    }

    /**
     * The link as a message may show it: control characters written as {@code \\u0000} (a message must not
     * break a log line or a terminal), and cut short, as the whole of a pasted page is no help.
     */
    static String quoted(String url) {
        String stripped = url.strip();
        StringBuilder shown = new StringBuilder("\"");
        stripped.codePoints().limit(QUOTED_LENGTH).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(stripped.codePointCount(0, stripped.length()) > QUOTED_LENGTH ? "...\"" : "\"").toString();
    }

    /**
     * The host as written, once the port is known to be valid; java.net.URI leaves the host null for
     * forms such as {@code 0x7f.1}, so those are read from the authority.
     */
    private static String rawHost(URI uri) {
        String host = uri.getHost();
        String port = uri.getPort() < 0 ? "" : Integer.toString(uri.getPort());
        if (host == null && uri.getRawAuthority() != null) {
            host = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']')) {
                port = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
        }
        if (host == null || host.isEmpty()) {
            throw RefusedUrlException.invalid("The URL has no host; " + EXAMPLE + ".");
        } else if (!port.isEmpty() && !VALID_PORT.matcher(port).matches()) {
            throw RefusedUrlException.invalid("The URL's port " + port + " is not a port number (1 to 65535); " + EXAMPLE + ".");
        }
        return host;
    }

    private static InetAddress ipv6Literal(String bracketed) {
        try {
            // Java parses a literal containing ':' itself and never asks DNS for it.
            return InetAddress.getByName(bracketed.substring(1, bracketed.length() - 1));
        } catch (UnknownHostException | IndexOutOfBoundsException e) {
            throw RefusedUrlException.invalid("The URL's host " + bracketed + " is not a valid IPv6 address; " + EXAMPLE + ".");
        }
    }

    /** The host in ASCII and lower case; international names (and full-width digits) are converted as browsers do. */
    private static String asciiHost(String rawHost) {
        try {
            return IDN.toASCII(rawHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw RefusedUrlException.invalid("The URL's host \"" + rawHost + "\" is not a valid host name; " + EXAMPLE + ".");
        }
    }

    private List<InetAddress> resolve(String name) {
        try {
            List<InetAddress> addresses = resolver.resolve(name);
            if (!addresses.isEmpty()) {
                return addresses;
            }
        } catch (UnknownHostException notFound) {
            // answered below, as for an empty answer
        }
        throw RefusedUrlException.invalid("The URL's host " + name + " could not be found; check the link for a typo.");
    }
}
