package com.intellivision.console.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a pasted or typed video source is, read from its text alone (no file is opened, nothing is
 * fetched), so a form can refuse what cannot work the moment it is typed: a YouTube video link, any
 * other http(s) link, a {@code file:} URI, or the path of a file on this machine.
 */
public final class VideoLinks {

    /** What a text names. */
    public enum Kind {
        YOUTUBE_VIDEO,
        WEB_LINK,
        LOCAL_FILE,
        /** Nothing yet: the text is blank. */
        NOTHING,
        /** Not a source the console can use; {@link Reading#problem()} says why. */
        UNUSABLE
    }

    /**
     * @param kind what the text names
     * @param problem why it cannot be used, for people; empty unless {@code kind} is {@link Kind#UNUSABLE}
     */
    public record Reading(Kind kind, String problem) {

        public boolean usable() {
            return kind != Kind.UNUSABLE && kind != Kind.NOTHING;
        }
    }

    private static final Set<String> YOUTUBE_HOSTS = Set.of(
            "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be");
    /** A video's id: eleven characters of YouTube's URL-safe alphabet. */
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern ID_PATH = Pattern.compile("^/(?:shorts|live|embed|v)/([^/?#]+)/?$");
    private static final Pattern WINDOWS_PATH = Pattern.compile("^[A-Za-z]:[\\\\/].*");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern VIDEO_FILE_NAME = Pattern.compile("(?i).+\\.(mp4|mkv|mov|avi|webm|m4v|mpg|mpeg|ts|flv|wmv)$");
    private static final int MAX_LENGTH = 4096;
    private static final String EXAMPLES = "Paste a YouTube or video link (https://…) or choose a video file.";

    private VideoLinks() {}

    /** What {@code text} names, and if it cannot be used, why. */
    public static Reading read(String text) {
        String source = text == null ? "" : text.strip();
        if (source.isEmpty()) {
            return new Reading(Kind.NOTHING, "");
        }
        if (source.length() > MAX_LENGTH) {
            return unusable("That is " + source.length() + " characters long, too long for a link or a path. " + EXAMPLES);
        }
        if (source.chars().anyMatch(Character::isISOControl)) {
            return unusable("The text holds control characters (such as a line break), which no link or path has. " + EXAMPLES);
        }
        if (looksLikeLocalPath(source)) {
            return new Reading(Kind.LOCAL_FILE, "");
        }
        var scheme = SCHEME.matcher(source);
        if (!scheme.matches() || WINDOWS_PATH.matcher(source).matches()) {
            return withoutScheme(source);
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "http", "https" -> webLink(source);
            case "file" -> fileUri(source);
            default -> unusable("'" + name + ":' links cannot be used; only http(s) links and video files can. " + EXAMPLES);
        };
    }

    /** Whether {@code host} is one of YouTube's, whatever form of link (watch, youtu.be, shorts, embed, live) was pasted. */
    public static boolean isYouTubeHost(String host) {
        return host != null && YOUTUBE_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** A path on this machine, as people type them: absolute, from the home folder, relative with a dot, or a Windows drive. */
    public static boolean looksLikeLocalPath(String text) {
        return !text.contains("://") && !text.startsWith("file:")
                && (text.startsWith("/") || text.startsWith("~") || text.startsWith(".") || WINDOWS_PATH.matcher(text).matches()
                        || text.startsWith("\\\\"));
    }

    private static Reading withoutScheme(String source) {
        if (!source.contains("/") && VIDEO_FILE_NAME.matcher(source).matches()) {
            return unusable("'" + abbreviated(source) + "' looks like a file's name: give its whole path, or choose the file.");
        }
        String firstPart = source.split("[/?#]", 2)[0];
        if (firstPart.contains(".") && !firstPart.contains(" ")) {
            return unusable("A link needs its https:// at the start: https://" + source);
        }
        return unusable("'" + abbreviated(source) + "' is neither a link nor the path of a file. " + EXAMPLES);
    }

    private static Reading webLink(String source) {
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException malformed) {
            return unusable("That link is not well formed (" + malformed.getReason() + " at character " + (malformed.getIndex() + 1)
                    + "). Copy it again from the browser's address bar.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return unusable("That link names no site. " + EXAMPLES);
        }
        if (!isYouTubeHost(uri.getHost())) {
            return new Reading(Kind.WEB_LINK, "");
        }
        return youTubeVideoId(uri).isPresent() ? new Reading(Kind.YOUTUBE_VIDEO, "") : unusable(notAVideo(uri));
    }

    private static Reading fileUri(String source) {
        try {
            URI uri = new URI(source);
            return uri.getPath() == null || uri.getPath().isEmpty() ? unusable("That file: link names no file. " + EXAMPLES)
                    : new Reading(Kind.LOCAL_FILE, "");
        } catch (URISyntaxException malformed) {
            return unusable("That file: link is not well formed (" + malformed.getReason() + "). Choose the file instead.");
        }
    }

    /** The video a YouTube link names: {@code watch?v=}, {@code youtu.be/}, shorts, live, embed. */
    public static Optional<String> youTubeVideoId(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String candidate = null;
        if ("youtu.be".equalsIgnoreCase(uri.getHost())) {
            candidate = path.replaceFirst("^/", "").replaceFirst("/$", "");
        } else if (path.equals("/watch") || path.equals("/watch/")) {
            candidate = queryValue(uri.getRawQuery(), "v");
        } else {
            var idPath = ID_PATH.matcher(path);
            candidate = idPath.matches() ? idPath.group(1) : null;
        }
        return candidate != null && VIDEO_ID.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    private static String notAVideo(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String what = path.equals("/playlist") ? "a playlist"
                : path.startsWith("/@") || path.startsWith("/channel/") || path.startsWith("/c/") || path.startsWith("/user/") ? "a channel"
                : (path.isEmpty() || path.equals("/")) && !"youtu.be".equalsIgnoreCase(uri.getHost()) ? "YouTube's home page"
                : path.equals("/results") ? "a search" : null;
        String start = what == null ? "That YouTube link names no video" : "That is " + what + ", not one video";
        return start + ". Open the video and paste its link, such as https://www.youtube.com/watch?v=… or https://youtu.be/….";
    }

    private static String queryValue(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }

    private static Reading unusable(String problem) {
        return new Reading(Kind.UNUSABLE, problem);
    }
}
