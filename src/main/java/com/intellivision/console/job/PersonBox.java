package com.intellivision.console.job;

/**
 * Where a people count saw a person in one analysed frame, in the video's pixels, and the track that
 * follows them from frame to frame.
 */
public record PersonBox(int x, int y, int width, int height, int track) {}
