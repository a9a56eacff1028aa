package com.intellivision.console.media;

import com.intellivision.console.job.Storyboard;
import java.util.Map;

/**
 * A video ready to open with FFmpeg.
 *
 * @param input what FFmpeg opens: a direct http(s) stream URL or a local file path
 * @param httpHeaders headers the stream's server expects (yt-dlp reports them for YouTube)
 * @param title the video's title where known, else the file name
 * @param resolvedBy {@code yt-dlp} or {@code direct}
 * @param thumbnailUrl an image of the video to show while work runs, or null
 * @param storyboard the video's published storyboard (YouTube's), or null
 * @param facts its length, channel and stream as the site gave them, or null where nothing was asked
 */
public record VideoSource(String input, Map<String, String> httpHeaders, String title, String resolvedBy, String thumbnailUrl,
        Storyboard storyboard, VideoFacts facts) {

    public VideoSource {
        httpHeaders = Map.copyOf(httpHeaders);
    }

    public VideoSource(String input, Map<String, String> httpHeaders, String title, String resolvedBy, String thumbnailUrl,
            Storyboard storyboard) {
        this(input, httpHeaders, title, resolvedBy, thumbnailUrl, storyboard, null);
    }

    public VideoSource(String input, Map<String, String> httpHeaders, String title, String resolvedBy) {
        this(input, httpHeaders, title, resolvedBy, null, null);
    }

    public boolean isRemote() {
        return input.startsWith("http://") || input.startsWith("https://");
    }
}
