package com.intellivision.console.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.job.Storyboard;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks yt-dlp where a page's video stream is ({@code yt-dlp -j}), without downloading the video.
 * yt-dlp knows YouTube and many other sites, and its generic extractor handles direct video links.
 * Answers are kept until their stream link expires (YouTube's say when; others for five minutes),
 * here and, for a pool, in {@link SharedResolutions}: several jobs on one video (a frame, then a
 * count) ask once.
 * Where the program is a Python script or release file, its module answers instead, kept loaded
 * between links ({@link WarmResolver}); where that cannot start, the program is run as before.
 */
public final class YtDlp {

    static final String INSTALL_HINT =
            "Install it with 'sudo apt install yt-dlp' (Debian/Ubuntu), 'brew install yt-dlp' (macOS) or "
                    + "'pip install yt-dlp', or set the path of the yt-dlp program in the console's settings.";
    static final String UPDATE_HINT = "Update it with 'yt-dlp -U', your package manager, or the console's 'update-yt-dlp' command.";

    /** YouTube changes often; a yt-dlp older than this is the likely reason a link that plays will not resolve. */
    static final Duration TOO_OLD = Duration.ofDays(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);
    private static final int CACHED = 64;

    private static final Logger LOG = LoggerFactory.getLogger(YtDlp.class);

    private final YtDlpSettings settings;
    private final Clock clock;
    /** Where the pool's workers keep what they resolved; null for none. */
    private final SharedResolutions shared;
    /** Null until the first link is asked; then the warm resolver, or empty when the program is run instead. */
    private Optional<WarmResolver> warm;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED;
        }
    };

    public YtDlp(YtDlpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    YtDlp(YtDlpSettings settings, Clock clock) {
        this(settings, null, clock);
    }

    /** Also keeps what it resolves in {@code shared}, and looks there first: a pool's workers share one. */
    public YtDlp(YtDlpSettings settings, SharedResolutions shared) {
        this(settings, shared, Clock.systemUTC());
    }

    YtDlp(YtDlpSettings settings, SharedResolutions shared, Clock clock) {
        this.settings = settings;
        this.shared = shared;
        this.clock = clock;
    }

    /** The warm resolver's process id while it runs: empty before the first link, or where the program is run instead. */
    public synchronized Optional<Long> warmPid() {
        return warm == null ? Optional.empty() : warm.flatMap(WarmResolver::pid);
    }

    /** Runs the program for every link, as {@code yt-dlp -j} from a shell would: for comparisons. */
    public static YtDlp programOnly(YtDlpSettings settings) {
        YtDlp ytDlp = new YtDlp(settings);
        ytDlp.warm = Optional.empty();
        return ytDlp;
    }

    public YtDlp(String command) {
        this(YtDlpSettings.of(command));
    }

    public synchronized VideoSource resolve(String url) throws MediaException {
        Cached cached = cache.get(url);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.source();
        }
        String key = url + "\n" + format() + "\n" + settings.cookiesFile();
        Optional<VideoSource> kept = shared == null ? Optional.empty() : shared.find(key);
        VideoSource source = kept.isPresent() ? kept.get() : ask(url);
        if (shared != null && kept.isEmpty()) {
            shared.keep(key, source);
        }
        cache.put(url, new Cached(source, SharedResolutions.expiryOf(source.input(), clock.instant())));
        return source;
    }

    private VideoSource ask(String url) throws MediaException {
        Optional<JsonNode> answer = askWarm(url);
        if (answer.isPresent()) {
            if (answer.get().has("error")) {
                throw failure(url, answer.get().get("error").asText());
            }
            return toSource(url, answer.get().path("info"));
        }
        ProcessRun run = run(arguments(url), url);
        if (run.exitCode() != 0) {
            throw failure(url, run.stderr());
        }
        try {
            return toSource(url, mapper.readTree(run.stdout()));
        } catch (IOException unreadable) {
            throw new MediaException("yt-dlp gave an answer that could not be read for " + url + ". " + UPDATE_HINT, unreadable);
        }
    }

    /** The warm resolver's answer, or empty when the program must be run instead (said once, in the log). */
    private Optional<JsonNode> askWarm(String url) throws MediaException {
        if (warm == null) {
            warm = WarmResolver.forProgram(settings.command(), TIMEOUT);
            if (warm.isEmpty()) {
                LOG.info("yt-dlp ('{}') is not a Python program here: each link starts it anew, which takes about a second longer",
                        settings.command());
            }
        }
        if (warm.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(warm.get().resolve(url, format(), settings.cookiesFile()));
        } catch (WarmResolver.Unavailable unavailable) {
            LOG.warn("yt-dlp's module cannot be kept loaded ({}): each link starts the yt-dlp program anew, which takes about a second longer",
                    unavailable.getMessage());
            warm.get().close();
            warm = Optional.empty();
            return Optional.empty();
        }
    }

    private MediaException failure(String url, String errors) {
        String explained = explainFailure(url, errors);
        if (explained.startsWith(UNKNOWN_FAILURE)) {
            explained += tooOldNote().orElse("");
        }
        return new MediaException(explained);
    }

    /** Video only is enough for frames; H.264 decodes fastest; single files need one connection. */
    private String format() {
        int height = settings.maxHeight();
        return "bestvideo[height<=" + height + "][vcodec^=avc1]/bestvideo[height<=" + height + "]"
                + "/best[height<=" + height + "][vcodec!=none]/best";
    }

    private List<String> arguments(String url) {
        List<String> args = new ArrayList<>(List.of(settings.command(), "-j", "--no-playlist", "--no-warnings", "--no-progress",
                "-f", format()));
        if (settings.cookiesFile() != null) {
            args.add("--cookies");
            args.add(settings.cookiesFile().toString());
        }
        args.add(url);
        return args;
    }

    private ProcessRun run(List<String> args, String url) throws MediaException {
        try {
            return ProcessRun.of(args, TIMEOUT);
        } catch (IOException notStarted) {
            throw new MediaException("yt-dlp could not be started ('" + settings.command() + "' was not found). " + INSTALL_HINT, notStarted);
        } catch (TimeoutException slow) {
            throw new MediaException("yt-dlp did not answer within " + TIMEOUT.toSeconds() + " s for " + url
                    + ". Check the network connection and try again.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MediaException("Resolving " + url + " was interrupted");
        }
    }

    /** The installed yt-dlp's release date, from {@code yt-dlp --version} (it prints e.g. 2023.03.04). */
    Optional<LocalDate> releaseDate() {
        try {
            return releaseIn(ProcessRun.of(List.of(settings.command(), "--version"), VERSION_TIMEOUT).stdout());
        } catch (IOException | TimeoutException unknown) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> releaseIn(String version) {
        try {
            String[] parts = version.strip().split("\\.");
            return Optional.of(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> tooOldNote() {
        return tooOldNote(releaseDate());
    }

    private Optional<String> tooOldNote(Optional<LocalDate> release) {
        return release
                .filter(released -> released.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(TOO_OLD).isBefore(clock.instant()))
                .map(released -> " The installed yt-dlp is too old (version " + released.toString().replace('-', '.')
                        + "); sites change often and old versions stop working. " + UPDATE_HINT);
    }

    /**
     * Whether YouTube links can work here: empty when the program answers {@code --version} and is not
     * too old; otherwise what is wrong and how to put it right, for a person. Runs the program, for up
     * to ten seconds.
     */
    public Optional<String> problem() {
        ProcessRun version;
        try {
            version = ProcessRun.of(List.of(settings.command(), "--version"), VERSION_TIMEOUT);
        } catch (IOException notStarted) {
            return Optional.of("yt-dlp is not installed ('" + settings.command() + "' was not found), so YouTube links cannot be used. "
                    + INSTALL_HINT + " The console's 'update-yt-dlp' command installs it in the console's data directory.");
        } catch (TimeoutException slow) {
            return Optional.of("yt-dlp did not answer within " + VERSION_TIMEOUT.toSeconds() + " s, so YouTube links may not work. " + UPDATE_HINT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (version.exitCode() != 0) {
            return Optional.of("yt-dlp does not run (exit code " + version.exitCode() + ": " + lastErrorLine(version.stderr())
                    + "), so YouTube links cannot be used. " + UPDATE_HINT);
        }
        return tooOldNote(releaseIn(version.stdout())).map(String::strip);
    }

    static VideoSource toSource(String url, JsonNode info) throws MediaException {
        String streamUrl = info.path("url").asText("");
        if (streamUrl.isEmpty()) {
            throw new MediaException("yt-dlp found no single video stream for " + url
                    + ". The site may only offer separate audio and video parts; try another video.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        info.path("http_headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        String title = info.path("title").asText(url);
        String thumbnail = info.hasNonNull("thumbnail") ? info.get("thumbnail").asText() : null;
        return new VideoSource(streamUrl, headers, title, "yt-dlp", thumbnail, storyboard(info).orElse(null), VideoFacts.of(info));
    }


    /** The sharpest of the storyboard formats ({@code sb0}, {@code sb1}, ...) yt-dlp lists, if any. */
    static Optional<Storyboard> storyboard(JsonNode info) {
        Storyboard best = null;
        for (JsonNode format : info.path("formats")) {
            boolean isStoryboard = "storyboard".equals(format.path("format_note").asText()) || format.path("format_id").asText().matches("sb\\d+");
            if (!isStoryboard || !format.path("fragments").isArray() || format.path("columns").asInt() <= 0) {
                continue;
            }
            List<Storyboard.Sheet> sheets = new ArrayList<>();
            for (JsonNode fragment : format.path("fragments")) {
                sheets.add(new Storyboard.Sheet(fragment.path("url").asText(), fragment.path("duration").asDouble()));
            }
            Storyboard candidate = new Storyboard(sheets, format.path("rows").asInt(), format.path("columns").asInt(),
                    format.path("width").asInt(), format.path("height").asInt(), format.path("fps").asDouble());
            if (!sheets.isEmpty() && candidate.fps() > 0 && (best == null || candidate.tileWidth() > best.tileWidth())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    static final String UNKNOWN_FAILURE = "yt-dlp could not resolve ";

    /** Turns yt-dlp's last error line into what happened and what to do. */
    static String explainFailure(String url, String stderr) {
        String lower = stderr.toLowerCase(Locale.ROOT);
        String reason = lastErrorLine(stderr);
        if (lower.contains("private video")) {
            return "The video is private: " + url + ". Ask its owner for access or choose another video.";
        }
        if (lower.contains("confirm your age") || lower.contains("age-restricted") || lower.contains("inappropriate for some users")) {
            return "The video is age-restricted: " + url + ". Give yt-dlp a cookies file of a signed-in account, or choose another video.";
        }
        if (lower.contains("available in your country") || lower.contains("geo restrict") || lower.contains("geo-restrict")) {
            return "The video is blocked in this region: " + url + ". Choose another video.";
        }
        if (lower.contains("video unavailable") || lower.contains("this video is unavailable") || lower.contains("has been removed")) {
            return "The video is unavailable (removed or never existed): " + url + ". Check the link.";
        }
        if (lower.contains("http error 404") || lower.contains("404: not found")) {
            return "The server answered 404 Not Found for " + url + ". Check the link.";
        }
        if (lower.contains("unsupported url")) {
            return "No video was found at " + url + " (yt-dlp does not know this page). Check the link, or give a direct video URL.";
        }
        return UNKNOWN_FAILURE + url + ": " + reason + ". If the link plays in a browser, yt-dlp may be out of date. " + UPDATE_HINT;
    }

    private static String lastErrorLine(String stderr) {
        String last = "no reason given";
        for (String line : stderr.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip().replaceFirst("^ERROR:\\s*", "");
            }
        }
        return last;
    }

    private record Cached(VideoSource source, Instant until) {}
}
