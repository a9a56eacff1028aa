package com.intellivision.console.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows people from one analysed frame to the next, so that each is counted once however many frames
 * they appear in. A box continues the track it lies nearest to and overlaps most, if it is no further
 * than a walker gets since that track was last seen; a box that continues none starts a new track.
 *
 * <p>A track counts as a person only from its second sighting on: a detector's one-off mistake (a bin,
 * a shadow) rarely shows up twice in the same place. A track waits {@value #OCCLUSION_SECONDS} seconds
 * for its person, so that someone hidden for a moment behind a post or another person is not counted again.
 */
final class BoxTracker {

    /** Sightings before a track counts as a person. */
    static final int CONFIRMING_SIGHTINGS = 2;
    /** Brisk walking (1.4 m/s for a 1.75 m person), in body heights a second. */
    private static final double WALKING_HEIGHTS_PER_SECOND = 0.8;
    /** Room for the detector's own jitter, in body heights. */
    private static final double JITTER_HEIGHTS = 0.35;
    /** How long a track waits for its person to reappear: long enough for people who stop behind a post to talk. */
    private static final double OCCLUSION_SECONDS = 3;
    /** The most a person's box may grow or shrink between samples. */
    private static final double MAX_SIZE_CHANGE = 1.5;

    private final double walkPerSampleInHeights;
    private final int maxMissedSamples;
    private final List<Track> live = new ArrayList<>();
    private int created;
    private int confirmed;

    /** @param sampleIntervalSeconds the time between two analysed frames */
    BoxTracker(double sampleIntervalSeconds) {
        this.walkPerSampleInHeights = WALKING_HEIGHTS_PER_SECOND * sampleIntervalSeconds;
        this.maxMissedSamples = Math.max(1, (int) Math.ceil(OCCLUSION_SECONDS / sampleIntervalSeconds));
    }

    /** Takes the people found in the next analysed frame; returns them with the track each belongs to. */
    List<TrackedBox> update(List<Box> sightings) {
        List<TrackedBox> tracked = new ArrayList<>();
        Set<Track> continued = new HashSet<>();
        boolean[] placed = new boolean[sightings.size()];
        for (Candidate pair : plausiblePairs(sightings)) {
            if (!continued.contains(pair.track) && !placed[pair.sightingIndex]) {
                continued.add(pair.track);
                placed[pair.sightingIndex] = true;
                if (pair.track.seenAgain(sightings.get(pair.sightingIndex))) {
                    confirmed++;
                }
                tracked.add(pair.track.asTrackedBox());
            }
        }
        for (Track track : live) {
            if (!continued.contains(track)) {
                track.missOne();
            }
        }
        live.removeIf(track -> track.missedSamples() > maxMissedSamples);
        for (int i = 0; i < sightings.size(); i++) {
            if (!placed[i]) {
                Track track = new Track(++created, sightings.get(i));
                live.add(track);
                tracked.add(track.asTrackedBox());
            }
        }
        return tracked;
    }

    /** People counted so far: tracks seen at least {@value #CONFIRMING_SIGHTINGS} times. */
    int confirmedTracks() {
        return confirmed;
    }

    /** Every track started so far, confirmed or not. */
    int createdTracks() {
        return created;
    }

    /** Every (track, sighting) pair that could be the same person, most alike first. */
    private List<Candidate> plausiblePairs(List<Box> sightings) {
        List<Candidate> pairs = new ArrayList<>();
        for (Track track : live) {
            Box expected = track.predicted();
            for (int i = 0; i < sightings.size(); i++) {
                Box sighting = sightings.get(i);
                double sizeChange = (double) Math.max(sighting.height(), expected.height()) / Math.min(sighting.height(), expected.height());
                double distance = expected.distanceInHeights(sighting);
                if (sizeChange <= MAX_SIZE_CHANGE && distance <= reach(track)) {
                    pairs.add(new Candidate(track, i, distance + (1 - expected.overlap(sighting))));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Candidate::cost));
        return pairs;
    }

    /** How far from its predicted place a track's person may be seen: further the longer they have been out of sight. */
    private double reach(Track track) {
        return JITTER_HEIGHTS + walkPerSampleInHeights * (track.missedSamples() + 1);
    }

    /** A track and the index of a sighting that may continue it; the lower the cost, the likelier. */
    private record Candidate(Track track, int sightingIndex, double cost) {}

    /** One person followed across samples, with the step it last walked per sample to guess where it went. */
    private static final class Track {
        private final int id;
        private Box last;
        private double stepX;
        private double stepY;
        private int sightings = 1;
        private int missedSamples;

        Track(int id, Box first) {
            this.id = id;
            this.last = first;
        }

        /**
         * Where the person should be, one step on from where they were last seen. Only one: someone out of
         * sight for longer has often stopped; {@link #reach} widens with every sample missed instead.
         */
        Box predicted() {
            return last.shiftedBy(stepX, stepY);
        }

        void missOne() {
            missedSamples++;
        }

        int missedSamples() {
            return missedSamples;
        }

        /** Records a sighting; answers whether it is the one that confirms the track. */
        boolean seenAgain(Box sighting) {
            int samplesApart = missedSamples + 1;
            double newStepX = (sighting.centerX() - last.centerX()) / samplesApart;
            double newStepY = (sighting.centerY() - last.centerY()) / samplesApart;
            // Halfway between the old and the new step: boxes jitter more than people change pace.
            stepX = sightings == 1 ? newStepX : (stepX + newStepX) / 2;
            stepY = sightings == 1 ? newStepY : (stepY + newStepY) / 2;
            last = sighting;
            missedSamples = 0;
            sightings++;
            return sightings == CONFIRMING_SIGHTINGS;
        }

        TrackedBox asTrackedBox() {
            return new TrackedBox(id, last, sightings >= CONFIRMING_SIGHTINGS);
        }
    }
}
