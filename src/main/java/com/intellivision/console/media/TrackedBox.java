package com.intellivision.console.media;

/**
 * A person in one analysed frame and the track that follows them.
 *
 * @param confirmed whether the track has been seen often enough to count as a person
 */
record TrackedBox(int trackId, Box box, boolean confirmed) {}
