package com.intellivision.console.media;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Recognises YouTube's hosts, whatever form of link (watch, youtu.be, shorts, embed, live) was pasted. */
final class YouTubeLinks {

    private static final Set<String> HOSTS = Set.of(
            "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be");

    private YouTubeLinks() {}

    static boolean isYouTube(URI uri) {
        return uri.getHost() != null && HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
