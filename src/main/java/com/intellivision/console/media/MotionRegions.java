package com.intellivision.console.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Where to look for people in a frame of a fixed camera: around what moved. Pure geometry, in the
 * frame's pixels. Each moving blob is padded by what the detector's window around the person in it needs,
 * and more above and below a squat blob, which is often only the part of a person that moved (legs, an
 * arm): a person cut by a region's edge is not found. Regions are made big enough for the detector's
 * window, joined where one region costs no more than two, and clipped to the frame.
 *
 * @param minWidth the narrowest region the detector can look in
 * @param minHeight the lowest region the detector can look in
 * @param nearby regions closer than this (pixels) are joined when that costs no more than keeping them apart
 */
record MotionRegions(int minWidth, int minHeight, int nearby) {

    /**
     * Padding to either side, in blob heights. The pads are measured: in vtest.avi, the window of 98 % of
     * the people HOG finds on whole frames reaches no further beyond the blob they move in than 0.3 of its
     * height to either side, and, for blobs shaped like a person, above or below; squat blobs leave a longer
     * tail, and people already followed are taken whole anyway ({@link #around}).
     */
    static final double SIDE_PAD_HEIGHTS = 0.3;
    /** Padding above and below a blob shaped like a person. */
    static final double PERSON_PAD_HEIGHTS = 0.3;
    /** Padding above and below a squat blob. */
    static final double PART_PAD_HEIGHTS = 0.6;
    /** A blob at least this many times as tall as wide is shaped like a person (one is some 2.5 times). */
    static final double PERSON_SHAPE = 1.6;

    /** Pixels around a person's window for the windows' stride: a window near them is found too. */
    static final int WINDOW_SLACK = 8;

    MotionRegions {
        if (minWidth <= 0 || minHeight <= 0 || nearby < 0) {
            throw new IllegalArgumentException("regions need a positive least size, not " + minWidth + "x" + minHeight);
        }
    }

    /**
     * The regions to look in.
     *
     * @param blobs what moved, in the frame's pixels
     * @param keepWhole people found before: a region that touches one takes all of it, so that no one is cut
     */
    List<Box> around(List<Box> blobs, List<Box> keepWhole, int frameWidth, int frameHeight) {
        List<Box> regions = new ArrayList<>();
        for (Box blob : blobs) {
            regions.add(atLeast(padded(blob)));
        }
        regions = joined(regions);
        for (int i = 0; i < regions.size(); i++) {
            Box region = regions.get(i);
            for (Box person : keepWhole) {
                if (touches(region, person, 0)) {
                    region = union(region, windowAround(person));
                }
            }
            regions.set(i, region);
        }
        List<Box> clipped = new ArrayList<>();
        for (Box region : joined(regions)) {
            Box inside = clipped(region, frameWidth, frameHeight);
            if (inside != null) {
                clipped.add(inside);
            }
        }
        return clipped;
    }

    /** The share of a frame the regions cover, counting twice what two of them share (it is searched twice). */
    static double coverage(List<Box> regions, int frameWidth, int frameHeight) {
        double area = 0;
        for (Box region : regions) {
            area += (double) region.width() * region.height();
        }
        return area / ((double) frameWidth * frameHeight);
    }

    /** Whether {@code box} touches none of the regions: nothing moved where it is. */
    static boolean outsideAll(Box box, List<Box> regions) {
        for (Box region : regions) {
            if (touches(region, box, 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The detection window a person fills, as HOG trains it: half the person's width again on each side,
     * a sixth of their height above and below, and a little for the window's stride.
     */
    static Box windowAround(Box person) {
        int side = (person.width() + 1) / 2 + WINDOW_SLACK;
        int top = (person.height() + 5) / 6 + WINDOW_SLACK;
        return new Box(person.x() - side, person.y() - top, person.width() + 2 * side, person.height() + 2 * top);
    }

    static Box padded(Box blob) {
        boolean personShaped = blob.height() >= PERSON_SHAPE * blob.width();
        int side = (int) Math.ceil(blob.height() * SIDE_PAD_HEIGHTS);
        int above = (int) Math.ceil(blob.height() * (personShaped ? PERSON_PAD_HEIGHTS : PART_PAD_HEIGHTS));
        return new Box(blob.x() - side, blob.y() - above, blob.width() + 2 * side, blob.height() + 2 * above);
    }

    /** Grown about its centre to the least size the detector can search. */
    Box atLeast(Box region) {
        int width = Math.max(minWidth, region.width());
        int height = Math.max(minHeight, region.height());
        return new Box(region.x() - (width - region.width()) / 2, region.y() - (height - region.height()) / 2, width, height);
    }

    /** Joins touching or nearby regions while the joined one costs (its area) no more than the two apart. */
    List<Box> joined(List<Box> regions) {
        List<Box> merged = new ArrayList<>(regions);
        boolean changed = true;
        while (changed) {
            changed = false;
            search:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    Box a = merged.get(i);
                    Box b = merged.get(j);
                    Box both = union(a, b);
                    if (contains(a, b) || contains(b, a) || (touches(a, b, nearby) && area(both) <= area(a) + area(b))) {
                        merged.set(i, both);
                        merged.remove(j);
                        changed = true;
                        break search;
                    }
                }
            }
        }
        return merged;
    }

    /** The part of {@code region} inside the frame; null if none. */
    static Box clipped(Box region, int frameWidth, int frameHeight) {
        int left = Math.max(0, region.x());
        int top = Math.max(0, region.y());
        int right = Math.min(frameWidth, region.right());
        int bottom = Math.min(frameHeight, region.bottom());
        return right > left && bottom > top ? new Box(left, top, right - left, bottom - top) : null;
    }

    static Box union(Box a, Box b) {
        int left = Math.min(a.x(), b.x());
        int top = Math.min(a.y(), b.y());
        return new Box(left, top, Math.max(a.right(), b.right()) - left, Math.max(a.bottom(), b.bottom()) - top);
    }

    /** Whether the boxes overlap or are less than {@code gap} pixels apart. */
    static boolean touches(Box a, Box b, int gap) {
        return a.x() < b.right() + gap && b.x() < a.right() + gap && a.y() < b.bottom() + gap && b.y() < a.bottom() + gap;
    }

    private static boolean contains(Box outer, Box inner) {
        return outer.x() <= inner.x() && outer.y() <= inner.y() && outer.right() >= inner.right() && outer.bottom() >= inner.bottom();
    }

    private static long area(Box box) {
        return (long) box.width() * box.height();
    }
}
