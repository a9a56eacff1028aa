package com.intellivision.console.media;

/**
 * A part of a video FFmpeg could not decode, between the last good frame before it and the first after it.
 *
 * @param ffmpegSays FFmpeg's first error line about it
 */
record DamagedStretch(double fromSeconds, double toSeconds, String ffmpegSays) {

    /** The same stretch, reaching on to {@code seconds}. */
    DamagedStretch extendedTo(double seconds) {
        return new DamagedStretch(fromSeconds, Math.max(toSeconds, seconds), ffmpegSays);
    }
}
