package com.intellivision.console.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A video as FFmpeg will read it: the source itself when its server can seek, or a download of it
 * when the server sends the whole file to every request, as simple file servers do. Seeking in an MP4
 * needs its index, which most encoders write at the end, so without Range requests FFmpeg cannot open
 * it at all. Closing removes the download.
 */
public final class ReadableSource implements AutoCloseable {

    private final VideoSource source;
    private final String link;
    private final Path download;
    private final String warning;

    private ReadableSource(VideoSource source, String link, Path download, String warning) {
        this.source = source;
        this.link = link;
        this.download = download;
        this.warning = warning;
    }

    /**
     * Checks a direct link's server (a local file, or a stream yt-dlp found, is read as it is) and
     * downloads the video if the server cannot seek, reporting the download between {@code progressFrom}
     * and {@code progressTo}.
     *
     * @throws MediaException when the server stalls or trickles, or the video is larger than the download limit
     */
    public static ReadableSource prepare(VideoSource source, NetworkReading reading, Progress progress, double progressFrom,
            double progressTo) throws MediaException {
        if (!source.isRemote() || !"direct".equals(source.resolvedBy()) || isManifest(source)) {
            return new ReadableSource(source, source.input(), null, null);
        }
        SeekCheck.Answer answer = SeekCheck.ask(source, reading);
        if (answer.seeks()) {
            return new ReadableSource(source, source.input(), null, null);
        }
        long started = System.nanoTime();
        progress.report(progressFrom, "downloading the whole video (its server cannot seek)");
        Path download = StreamSpool.download(source, answer, reading, progress, progressFrom, progressTo);
        double seconds = (System.nanoTime() - started) / 1e9;
        String warning = ServerWords.server(source) + " does not support seeking (it ignores Range requests), so the whole video was "
                + "downloaded first: " + Sizes.of(answer.body().total()) + " read in " + String.format(Locale.ROOT, "%.1f", seconds) + " s.";
        VideoSource local = new VideoSource(download.toString(), java.util.Map.of(), source.title(), source.resolvedBy(),
                source.thumbnailUrl(), source.storyboard(), source.facts());
        return new ReadableSource(local, source.input(), download, warning);
    }

    /** Removes what workers that are no longer running left in {@code folder}. */
    public static void removeLeftovers(Path folder) {
        StreamSpool.removeLeftovers(folder);
    }

    /** A playlist (HLS, DASH) names the pieces FFmpeg fetches itself; it is never downloaded. */
    private static boolean isManifest(VideoSource source) {
        String path = URI.create(source.input()).getPath();
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".m3u8") || lower.endsWith(".mpd");
    }

    /** What FFmpeg opens. */
    public VideoSource source() {
        return source;
    }

    /** The failure as people should read it: of the link they gave, never of the download's file name. */
    public MediaException aboutTheLink(MediaException failure) {
        if (download == null || failure.getMessage() == null || !failure.getMessage().contains(download.toString())) {
            return failure;
        }
        return new MediaException(failure.getMessage().replace(download.toString(), link), failure.getCause());
    }

    /** What the job's results should say about how the video was read, if anything. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public void close() {
        if (download != null) {
            StreamSpool.deleteQuietly(download);
        }
    }
}
