package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where motion regions go: padding, least size, joining, clipping, people kept whole. Geometry only. */
class MotionRegionsTest {

    /** HOG's 64x128 window in a 576-line frame, twice over, joined when less than 5 pixels apart. */
    private final MotionRegions regions = new MotionRegions(74, 148, 5);

    @Test
    void padsABlobShapedLikeAPersonByAThirdOfItsHeightOnEverySide() {
        List<Box> found = regions.around(List.of(new Box(300, 200, 40, 100)), List.of(), 768, 576);

        assertThat(found).containsExactly(new Box(270, 170, 100, 160));
    }

    @Test
    void padsASquatBlobTwiceAsMuchAboveAndBelowForTheRestOfItsPerson() {
        // Legs, or an arm: most of the person who moved them is above or below.
        List<Box> found = regions.around(List.of(new Box(300, 200, 120, 100)), List.of(), 768, 576);

        assertThat(found).containsExactly(new Box(270, 140, 180, 220));
    }

    @Test
    void growsASmallBlobAboutItsCentreToTheLeastSizeTheDetectorSearches() {
        List<Box> found = regions.around(List.of(new Box(400, 300, 8, 10)), List.of(), 768, 576);

        assertThat(found).singleElement().satisfies(region -> {
            assertThat(region.width()).isEqualTo(74);
            assertThat(region.height()).isEqualTo(148);
            assertThat(region.centerX()).isCloseTo(404, org.assertj.core.data.Offset.offset(1.0));
            assertThat(region.centerY()).isCloseTo(305, org.assertj.core.data.Offset.offset(1.0));
        });
    }

    @Test
    void clipsRegionsToTheFrame() {
        List<Box> found = regions.around(List.of(new Box(0, 500, 30, 76)), List.of(), 768, 576);

        assertThat(found).singleElement().satisfies(region -> {
            assertThat(region.x()).isZero();
            assertThat(region.bottom()).isEqualTo(576);
            assertThat(region.right()).isLessThanOrEqualTo(768);
        });
    }

    @Test
    void joinsOverlappingRegionsOfOnePersonIntoOne() {
        // A walker's legs and body, seen as two blobs one above the other.
        List<Box> found = regions.around(List.of(new Box(300, 200, 30, 60), new Box(302, 262, 28, 50)), List.of(), 768, 576);

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).satisfies(region -> {
            assertThat(region.x()).isLessThanOrEqualTo(300);
            assertThat(region.bottom()).isGreaterThanOrEqualTo(312);
        });
    }

    @Test
    void keepsFarApartRegionsApartAndOverlappingOnesApartWhenJoiningWouldSearchMore() {
        List<Box> farApart = regions.around(List.of(new Box(50, 50, 30, 80), new Box(600, 400, 30, 80)), List.of(), 768, 576);
        // Two that touch at a corner only: their joined rectangle would be mostly empty.
        List<Box> diagonal = regions.joined(List.of(new Box(0, 0, 100, 200), new Box(95, 195, 100, 200)));

        assertThat(farApart).hasSize(2);
        assertThat(diagonal).hasSize(2);
    }

    @Test
    void aRegionContainedInAnotherIsDropped() {
        assertThat(regions.joined(List.of(new Box(0, 0, 300, 300), new Box(50, 50, 100, 150)))).containsExactly(new Box(0, 0, 300, 300));
    }

    @Test
    void takesWholeAPersonFoundBeforeThatTheRegionTouches() {
        Box standing = new Box(330, 100, 40, 120);
        // Only the person's hand moved, at the region's edge.
        List<Box> found = regions.around(List.of(new Box(372, 160, 10, 10)), List.of(standing), 768, 576);

        assertThat(found).singleElement().satisfies(region -> {
            assertThat(region.x()).isLessThanOrEqualTo(standing.x());
            assertThat(region.y()).isLessThanOrEqualTo(standing.y());
            assertThat(region.right()).isGreaterThanOrEqualTo(standing.right());
            assertThat(region.bottom()).isGreaterThanOrEqualTo(standing.bottom());
        });
        assertThat(MotionRegions.outsideAll(standing, found)).isFalse();
        assertThat(MotionRegions.outsideAll(new Box(10, 400, 40, 120), found)).as("someone elsewhere").isTrue();
    }

    @Test
    void nothingMovedMeansNoRegions() {
        assertThat(regions.around(List.of(), List.of(new Box(10, 10, 40, 120)), 768, 576)).isEmpty();
    }

    @Test
    void coverageCountsWhatTwoRegionsShareTwice() {
        assertThat(MotionRegions.coverage(List.of(new Box(0, 0, 100, 100), new Box(50, 0, 100, 100)), 200, 100)).isEqualTo(1.0);
    }
}
