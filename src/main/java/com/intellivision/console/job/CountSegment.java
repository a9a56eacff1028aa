package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which stretch of a video one part of a split people count covered. Each part counts from a few seconds
 * before its own stretch, so that people crossing into it can be matched with the part before; only its
 * own stretch goes into the joined timeline.
 *
 * @param index the part, from 0
 * @param parts how many parts the video was cut into (a short video: 1)
 * @param countedFrom seconds into the video where the part began counting: its own start less the overlap
 * @param from seconds into the video where its own stretch begins
 * @param to where its own stretch ends, exclusive; null for the last part, which counts to the video's end
 */
public record CountSegment(int index, int parts, @JsonProperty("counted_from") double countedFrom, double from, Double to) {

    /** Seconds each part also counts of the part before it, so that the people it had can be recognised. */
    public static final double OVERLAP_SECONDS = 4;
    /** Parts are never shorter than this, so that the overlap stays a small share of each. */
    public static final double SHORTEST_PART_SECONDS = 20;
    /** The results' key under which a part's counts carry their segment. */
    public static final String RESULTS_KEY = "segment";

    /**
     * Part {@code index} of a video of {@code durationSeconds} that the engine would cut into {@code asked}
     * parts: as many as fit at {@value #SHORTEST_PART_SECONDS} s each, at least 1 (also when the length is unknown).
     */
    public static CountSegment of(int index, int asked, double durationSeconds) {
        int parts = durationSeconds > 0 ? (int) Math.max(1, Math.min(asked, Math.floor(durationSeconds / SHORTEST_PART_SECONDS))) : 1;
        double length = durationSeconds / parts;
        double from = index == 0 ? 0 : index * length;
        Double to = index >= parts - 1 ? null : (index + 1) * length;
        return new CountSegment(index, parts, Math.max(0, from - (index == 0 ? 0 : OVERLAP_SECONDS)), from, to);
    }

    /** Parts beyond those the video is cut into have nothing to count. */
    public boolean isEmpty() {
        return index >= parts;
    }

    /** Whether {@code seconds} lies in the part's own stretch. */
    public boolean owns(double seconds) {
        return seconds >= from - 1e-6 && (to == null || seconds < to - 1e-6);
    }

    /** Where the part stops counting: the end of its own stretch, or never for the last part. */
    public double untilSeconds() {
        return to == null ? Double.POSITIVE_INFINITY : to;
    }
}
