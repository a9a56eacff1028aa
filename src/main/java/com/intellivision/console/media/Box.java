package com.intellivision.console.media;

/** An upright rectangle in a frame's pixels: where a person is. */
record Box(int x, int y, int width, int height) {

    Box {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a box needs a positive size, not " + width + "x" + height);
        }
    }

    double centerX() {
        return x + width / 2.0;
    }

    double centerY() {
        return y + height / 2.0;
    }

    int right() {
        return x + width;
    }

    int bottom() {
        return y + height;
    }

    /** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
    double overlap(Box other) {
        long overlapWidth = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        long overlapHeight = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        long shared = overlapWidth * overlapHeight;
        return (double) shared / (area() + other.area() - shared);
    }

    /** How far apart the centres are, in heights of this box, so that the measure does not depend on zoom. */
    double distanceInHeights(Box other) {
        return Math.hypot(other.centerX() - centerX(), other.centerY() - centerY()) / height;
    }

    /** The same box moved by whole pixels. */
    Box shiftedBy(double dx, double dy) {
        return new Box((int) Math.round(x + dx), (int) Math.round(y + dy), width, height);
    }

    /** The box in a frame {@code factor} times the size (or smaller, below 1). */
    Box scaledBy(double factor) {
        return new Box((int) Math.round(x * factor), (int) Math.round(y * factor),
                Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor)));
    }

    private long area() {
        return (long) width * height;
    }
}
