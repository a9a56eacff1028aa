package com.intellivision.console.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolved links kept in a folder that all the workers of a pool read and write, so that a link one
 * worker resolved is not resolved again by the next (a frame, then a people count of the same video).
 * One small JSON file per link and options, written whole and moved into place, so a reader sees a
 * resolution complete or not at all; a file that cannot be read is as good as none.
 */
public final class SharedResolutions {

    /** How long a stream link without an expiry of its own is kept, as before there was this folder. */
    static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(5);
    /** Stream links are given up this long before they expire, so that a job never starts on a dying one. */
    static final Duration MARGIN = Duration.ofMinutes(2);
    /** No stream link is kept longer than this, whatever it says. */
    static final Duration AT_MOST = Duration.ofHours(12);
    /** YouTube's stream links carry their end, in seconds since 1970: {@code expire=...} or {@code /expire/.../}. */
    private static final Pattern EXPIRE = Pattern.compile("(?:[?&]expire=|/expire/)(\\d{9,11})(?:[&/#]|$)");
    private static final Logger LOG = LoggerFactory.getLogger(SharedResolutions.class);

    private record Kept(Instant until, VideoSource source) {}

    private final Path folder;
    private final Clock clock;
    private final ObjectMapper mapper = JobJson.mapper();

    public SharedResolutions(Path folder) {
        this(folder, Clock.systemUTC());
    }

    SharedResolutions(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The resolution kept for {@code key}, while its stream link is still good. */
    Optional<VideoSource> find(String key) {
        Path file = fileOf(key);
        try {
            Kept kept = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), Kept.class);
            if (kept.until().isAfter(clock.instant())) {
                return Optional.of(kept.source());
            }
            Files.deleteIfExists(file);
        } catch (NoSuchFileException none) {
            // Never resolved, or expired and removed.
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("ignoring a resolution that cannot be read: {}", file, unreadable);
        }
        return Optional.empty();
    }

    /** Keeps {@code source} for {@code key} until its stream link expires. */
    void keep(String key, VideoSource source) {
        Instant until = expiryOf(source.input(), clock.instant());
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "resolution", ".part");
            Files.writeString(partial, mapper.writeValueAsString(new Kept(until, source)), StandardCharsets.UTF_8);
            try {
                Files.move(partial, fileOf(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(partial, fileOf(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException notKept) {
            // The next worker resolves the link again: slower, nothing worse.
            LOG.debug("could not keep the resolution of a link in {}", folder, notKept);
        }
    }

    /** Removes the resolutions whose stream links have expired, and any left half written. */
    public void removeExpired() {
        try (var files = Files.list(folder)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (name.endsWith(".part")) {
                    deleteQuietly(file);
                } else if (name.endsWith(".json")) {
                    try {
                        if (!mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), Kept.class).until().isAfter(clock.instant())) {
                            deleteQuietly(file);
                        }
                    } catch (IOException | RuntimeException unreadable) {
                        deleteQuietly(file);
                    }
                }
            });
        } catch (IOException noFolder) {
            // Nothing was kept yet.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException inUse) {
            // Another worker's; it goes at the next start.
        }
    }

    /** When a stream link found {@code now} stops being worth starting a job on. */
    static Instant expiryOf(String streamUrl, Instant now) {
        Matcher expire = EXPIRE.matcher(streamUrl == null ? "" : rawOf(streamUrl));
        if (!expire.find()) {
            return now.plus(WITHOUT_EXPIRY);
        }
        Instant until = Instant.ofEpochSecond(Long.parseLong(expire.group(1))).minus(MARGIN);
        Instant longest = now.plus(AT_MOST);
        return until.isAfter(longest) ? longest : until;
    }

    private static String rawOf(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }

    private Path fileOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java", impossible);
        }
    }
}
