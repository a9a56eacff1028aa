package com.intellivision.console.app;

import com.intellivision.console.deployment.LinkPreview;
import com.intellivision.console.job.LinkDetails;
import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.SharedResolutions;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.VideoFacts;
import com.intellivision.console.media.VideoSource;
import com.intellivision.console.media.YtDlp;
import com.intellivision.console.media.YtDlpSettings;
import com.intellivision.console.pool.PoolConfig;
import java.net.URI;

/**
 * Looks links up for the local pool in the console's own process, with the workers' yt-dlp settings,
 * and keeps each answer in the pool's shared resolutions: the worker that takes the job finds it there
 * and goes straight to the video.
 */
public final class LocalLinkPreview implements LinkPreview {

    private final SourceResolver resolver;

    public LocalLinkPreview(PoolConfig config) {
        YtDlpSettings settings = new YtDlpSettings(config.ytDlp().command(), config.ytDlp().maxHeight(),
                config.ytDlp().cookiesFile() == null ? null : config.ytDlp().cookiesFile().toAbsolutePath());
        this.resolver = new SourceResolver(new YtDlp(settings, new SharedResolutions(config.resolvedDir())));
    }

    @Override
    public LinkDetails preview(String link) {
        VideoSource source;
        try {
            source = resolver.resolve(link);
        } catch (MediaException unusable) {
            throw new Unusable(unusable.getMessage());
        }
        VideoFacts facts = source.facts() == null ? new VideoFacts(null, null, null) : source.facts();
        return new LinkDetails(link, source.title(), facts.channel(), facts.durationSeconds(), thumbnailOf(link, source.thumbnailUrl()),
                streamOf(source, facts), source.storyboard());
    }

    /** A page may name its picture relative to itself ({@code og:image} of "still.jpg"); the card needs it whole. */
    static String thumbnailOf(String link, String thumbnail) {
        if (thumbnail == null || thumbnail.isBlank()) {
            return null;
        }
        try {
            URI whole = URI.create(link).resolve(thumbnail.strip());
            return "http".equals(whole.getScheme()) || "https".equals(whole.getScheme()) ? whole.toString() : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The stream in a few words, and where it comes from: what a job will read. */
    private static String streamOf(VideoSource source, VideoFacts facts) {
        String from = source.isRemote() ? URI.create(source.input()).getHost() : "this machine";
        String what = facts.stream() != null ? facts.stream() : source.resolvedBy().equals("direct") ? "the file itself" : "a video stream";
        return what + " from " + from;
    }
}
