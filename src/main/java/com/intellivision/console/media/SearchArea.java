package com.intellivision.console.media;

/**
 * A part of a frame to look for people in, and how tall (in the frame's pixels) the people there can be.
 * Around people already followed, their size is known within a little: a person's box changes by a few
 * percent from one sample to the next, so HOG need not try the scales of people half or twice their size,
 * and the largest of the pyramid's images, where the smallest people are sought, is the costliest.
 *
 * @param box the part, in the frame's pixels
 * @param shortest the shortest person to look for; 0 for no bound
 * @param tallest the tallest person to look for; infinity for no bound
 */
record SearchArea(Box box, double shortest, double tallest) {

    SearchArea {
        if (!(shortest >= 0) || !(tallest >= shortest)) {
            throw new IllegalArgumentException("people from " + shortest + " to " + tallest + " pixels tall cannot be looked for");
        }
    }

    static SearchArea anySize(Box box) {
        return new SearchArea(box, 0, Double.POSITIVE_INFINITY);
    }

    boolean anyPersonSize() {
        return shortest == 0 && tallest == Double.POSITIVE_INFINITY;
    }
}
