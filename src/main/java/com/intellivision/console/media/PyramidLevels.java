package com.intellivision.console.media;

/**
 * Which images of HOG's scale pyramid to search: level k is the searched image shrunk by the pyramid's
 * scale to the power k, where a window holds a person {@code scale^k} times as tall as at level 0.
 *
 * @param first the first level searched
 * @param count how many levels, from the first up (HOG stops by itself where the image gets smaller than a window)
 */
record PyramidLevels(int first, int count) {

    /** HOG's own bound on its levels. */
    static final int ALL = 64;

    /** The levels where the people of {@code area} can be found, once the frame is resized by {@code factor}. */
    static PyramidLevels forPeople(SearchArea area, double factor, double pyramidScale) {
        if (area.anyPersonSize()) {
            return new PyramidLevels(0, ALL);
        }
        double perLevel = Math.log(pyramidScale);
        double lowest = area.shortest() * factor / HogDetector.personHeightInWindow();
        double highest = area.tallest() * factor / HogDetector.personHeightInWindow();
        int first = lowest <= 1 ? 0 : (int) Math.floor(Math.log(lowest) / perLevel);
        int last = highest <= 1 ? 0 : (int) Math.ceil(Math.log(highest) / perLevel);
        return new PyramidLevels(first, Math.max(1, last - first + 1));
    }

    /** How much the searched image is shrunk for the first level. */
    double firstScale(double pyramidScale) {
        return Math.pow(pyramidScale, first);
    }
}
