package com.intellivision.console.deployment.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks and normalizes the http(s) addresses of deployments. Messages never repeat the address
 * itself, which a person may have pasted with a password or token in it.
 */
final class WebAddress {

    private WebAddress() {}

    /**
     * @param what how the message names the address, e.g. "The server address"
     * @return the address with a lowercase scheme and host and no trailing slash
     */
    static String normalize(String what, String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty. Enter one like https://analytics.example.com.");
        }
        if (!text.contains("://")) {
            throw new IllegalArgumentException(what + " must start with http:// or https://.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException(what + " is not a valid web address: " + invalid.getReason().toLowerCase(Locale.ROOT) + ".");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(what + " must start with http:// or https://, not " + scheme + "://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not contain a user name or password; "
                    + "enter them in their own fields, where they are kept in the keychain.");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(what + " has no host name after " + scheme + "://.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " cannot contain '?' or '#'; enter only the address, like "
                    + scheme + "://" + uri.getHost() + ".");
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }
}
