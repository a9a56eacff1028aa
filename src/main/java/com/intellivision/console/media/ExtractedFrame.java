package com.intellivision.console.media;

import java.nio.file.Path;

/**
 * A frame written to disk.
 *
 * @param requestedSeconds where the frame was asked for
 * @param timestampSeconds where in the video the written frame is (the first frame at or after the one asked for)
 * @param durationSeconds the video's length, or 0 where the stream does not say (a live stream)
 * @param damage what FFmpeg reported while decoding up to this frame if the video is damaged there, else null
 * @param fullSizeFile the frame at the video's own size where one was asked for beside a smaller
 *     {@code file}; {@code file} itself when the video is no larger; null when none was asked for
 * @param fullWidth the full-size frame's width, with {@code fullSizeFile}, else null
 * @param fullHeight its height
 */
public record ExtractedFrame(Path file, int width, int height, double requestedSeconds, double timestampSeconds, double durationSeconds,
        String damage, Path fullSizeFile, Integer fullWidth, Integer fullHeight) {

    public ExtractedFrame(Path file, int width, int height, double requestedSeconds, double timestampSeconds, double durationSeconds, String damage) {
        this(file, width, height, requestedSeconds, timestampSeconds, durationSeconds, damage, null, null, null);
    }
}
