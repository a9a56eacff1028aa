package com.intellivision.console.media;

import java.nio.file.Path;

/**
 * A frame written to disk.
 *
 * @param timestampSeconds where in the video the written frame is (the first frame at or after the one asked for)
 * @param durationSeconds the video's length, or 0 where the stream does not say (a live stream)
 */
public record ExtractedFrame(Path file, int width, int height, double timestampSeconds, double durationSeconds) {}
