package com.intellivision.console.server;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A URL that passed {@link SubmittedUrls}: its host as checked (an ASCII name, or the canonical text
 * of a literal address) and the addresses that were checked, which are the only ones to connect to.
 */
public record CheckedUrl(URI uri, String host, List<InetAddress> addresses, boolean literalAddress) {

    /** Links that yt-dlp resolves in the worker; this server does not probe them itself. */
    private static final Set<String> YOUTUBE_HOSTS = Set.of(
            "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be");

    public CheckedUrl {
        addresses = List.copyOf(addresses);
    }

    public boolean isYouTube() {
        return !literalAddress && YOUTUBE_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
