package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting people across frames: at two frames a second, a walker moves about 20 pixels of a 90-pixel-tall box. */
class BoxTrackerTest {

    private static final double TWO_A_SECOND = 0.5;

    private final BoxTracker tracker = new BoxTracker(TWO_A_SECOND);

    @Test
    void aWalkerSeenInEveryFrameIsOnePersonFromTheSecondSightingOn() {
        List<TrackedBox> first = tracker.update(List.of(person(100, 200)));
        List<TrackedBox> second = tracker.update(List.of(person(120, 200)));
        List<TrackedBox> third = tracker.update(List.of(person(140, 202)));

        assertThat(first).singleElement().extracting(TrackedBox::confirmed).isEqualTo(false);
        assertThat(second).singleElement().extracting(TrackedBox::confirmed).isEqualTo(true);
        assertThat(third).singleElement().extracting(TrackedBox::trackId).isEqualTo(first.get(0).trackId());
        assertThat(tracker.confirmedTracks()).isEqualTo(1);
        assertThat(tracker.createdTracks()).isEqualTo(1);
    }

    @Test
    void aOneOffDetectionStartsATrackButIsNotCountedAsAPerson() {
        tracker.update(List.of(person(100, 200)));
        tracker.update(List.of(person(120, 200), person(600, 100)));
        tracker.update(List.of(person(140, 200)));
        tracker.update(List.of(person(160, 200)));

        assertThat(tracker.confirmedTracks()).isEqualTo(1);
        assertThat(tracker.createdTracks()).as("raw tracks include the one-off").isEqualTo(2);
    }

    @Test
    void twoPeopleWalkingPastEachOtherKeepTheirOwnTracks() {
        List<Integer> leftToRight = new ArrayList<>();
        List<Integer> rightToLeft = new ArrayList<>();
        for (int step = 0; step <= 10; step++) {
            Box goingRight = person(100 + 25 * step, 200);
            Box goingLeft = person(350 - 25 * step, 215);
            for (TrackedBox tracked : tracker.update(List.of(goingLeft, goingRight))) {
                (tracked.box().equals(goingRight) ? leftToRight : rightToLeft).add(tracked.trackId());
            }
        }

        assertThat(leftToRight).as("the walker going right keeps one track").containsOnly(leftToRight.get(0));
        assertThat(rightToLeft).as("the walker going left keeps another").containsOnly(rightToLeft.get(0));
        assertThat(leftToRight.get(0)).isNotEqualTo(rightToLeft.get(0));
        assertThat(tracker.confirmedTracks()).isEqualTo(2);
    }

    @Test
    void someoneHiddenForTwoSecondsIsNotCountedAgain() {
        tracker.update(List.of(person(300, 200)));
        tracker.update(List.of(person(310, 200)));
        for (int hidden = 0; hidden < 4; hidden++) {
            tracker.update(List.of());
        }
        tracker.update(List.of(person(330, 205)));
        tracker.update(List.of(person(340, 205)));

        assertThat(tracker.confirmedTracks()).isEqualTo(1);
        assertThat(tracker.createdTracks()).isEqualTo(1);
    }

    @Test
    void someoneGoneForLongerThanThreeSecondsIsCountedAgainOnReturning() {
        tracker.update(List.of(person(300, 200)));
        tracker.update(List.of(person(310, 200)));
        for (int gone = 0; gone < 8; gone++) {
            tracker.update(List.of());
        }
        tracker.update(List.of(person(310, 200)));
        tracker.update(List.of(person(320, 200)));

        assertThat(tracker.confirmedTracks()).isEqualTo(2);
    }

    @Test
    void aBoxFarBeyondWalkingDistanceIsSomeoneElse() {
        tracker.update(List.of(person(100, 200)));
        tracker.update(List.of(person(100 + 90, 200)));

        assertThat(tracker.createdTracks()).as("a full body height in half a second is a run, not a walk").isEqualTo(2);
        assertThat(tracker.confirmedTracks()).isZero();
    }

    @Test
    void aMuchBiggerBoxInThePlaceOfAPersonIsSomeoneElse() {
        tracker.update(List.of(person(100, 200)));
        tracker.update(List.of(new Box(90, 180, 80, 180)));

        assertThat(tracker.createdTracks()).isEqualTo(2);
    }

    @Test
    void analysingMoreFramesASecondNarrowsHowFarAPersonMayHaveGone() {
        BoxTracker tenASecond = new BoxTracker(0.1);
        tenASecond.update(List.of(person(100, 200)));
        tenASecond.update(List.of(person(100 + 60, 200)));

        assertThat(tenASecond.createdTracks()).as("two thirds of a height in a tenth of a second").isEqualTo(2);
    }

    /** A person 90 pixels tall whose box starts at ({@code x}, {@code y}). */
    private static Box person(int x, int y) {
        return new Box(x, y, 36, 90);
    }
}
