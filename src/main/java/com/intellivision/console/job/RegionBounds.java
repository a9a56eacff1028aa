package com.intellivision.console.job;

/** Whether a point drawn on a frame lies on it, edges included. */
final class RegionBounds {

    private RegionBounds() {}

    static boolean inside(double x, double y, int width, int height) {
        return x >= 0 && y >= 0 && x <= width && y <= height && Double.isFinite(x) && Double.isFinite(y);
    }
}
