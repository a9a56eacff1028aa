package com.intellivision.console.media;

import com.intellivision.console.job.VideoLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a person typed into a {@link VideoSource}: a local file is opened as it is, a link to a
 * video file is streamed directly, and any other page (YouTube above all) is asked of yt-dlp.
 */
public final class SourceResolver {

    private static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "ts", "flv", "mpg", "mpeg", "ogv", "3gp", "m3u8", "mpd");

    private final YtDlp ytDlp;

    public SourceResolver(YtDlp ytDlp) {
        this.ytDlp = ytDlp;
    }

    public VideoSource resolve(String typed) throws MediaException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new MediaException("No URL was given. Paste a YouTube or video URL, or the path of a video file.");
        }
        if (VideoLinks.looksLikeLocalPath(text)) {
            return localFile(Path.of(text));
        }
        URI uri = parseUrl(text);
        if ("file".equals(uri.getScheme())) {
            return localFile(Path.of(uri));
        }
        if (isDirectVideoLink(uri)) {
            return new VideoSource(uri.toString(), Map.of(), fileName(uri), "direct");
        }
        return ytDlp.resolve(uri.toString());
    }

    /** A link whose path ends in a video file's extension and which is not on a site yt-dlp must handle. */
    static boolean isDirectVideoLink(URI uri) {
        if (VideoLinks.isYouTubeHost(uri.getHost())) {
            return false;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot >= 0 && VIDEO_EXTENSIONS.contains(path.substring(dot + 1));
    }

    private static URI parseUrl(String text) throws MediaException {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return uri;
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw notAUrl(text);
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw notAUrl(text);
            }
            return uri;
        } catch (URISyntaxException malformed) {
            throw notAUrl(text);
        }
    }

    private static MediaException notAUrl(String text) {
        return new MediaException("'" + text + "' is not a valid URL. Give an http(s) link such as "
                + "https://www.youtube.com/watch?v=..., or the full path of a video file.");
    }

    private static VideoSource localFile(Path typedPath) throws MediaException {
        Path path = typedPath.toString().startsWith("~")
                ? Path.of(System.getProperty("user.home"), typedPath.toString().substring(1))
                : typedPath;
        if (!Files.exists(path)) {
            throw new MediaException("The file " + path + " does not exist. Check the path.");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MediaException("The file " + path + " cannot be read. Check that it is a video file you may open.");
        }
        return new VideoSource(path.toAbsolutePath().toString(), Map.of(), path.getFileName().toString(), "direct");
    }

    private static String fileName(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
