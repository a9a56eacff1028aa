package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which of HOG's pyramid levels hold the people of a search area. */
class PyramidLevelsTest {

    /** A 576-line frame brought to 1,000 lines, pyramid steps of 1.1. */
    private static final double FACTOR = 1000 / 576.0;
    private static final double STEP = 1.1;

    @Test
    void anAreaOfPeopleOfAnySizeIsSearchedAtEveryLevel() {
        PyramidLevels levels = PyramidLevels.forPeople(SearchArea.anySize(new Box(0, 0, 300, 300)), FACTOR, STEP);

        assertThat(levels).isEqualTo(new PyramidLevels(0, PyramidLevels.ALL));
        assertThat(levels.firstScale(STEP)).isEqualTo(1.0);
    }

    @Test
    void peopleOfAKnownSizeAreSoughtOnlyAtTheLevelsAroundIt() {
        // People 80 to 125 pixels tall fill a window (96 of its 128 lines) at scales 1.45 to 2.26: levels 3.9 to 8.6.
        PyramidLevels levels = PyramidLevels.forPeople(new SearchArea(new Box(0, 0, 300, 300), 80, 125), FACTOR, STEP);

        assertThat(levels).isEqualTo(new PyramidLevels(3, 7));
        assertThat(levels.firstScale(STEP)).isCloseTo(1.331, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void peopleSmallerThanTheWindowAreSoughtFromTheFirstLevel() {
        PyramidLevels levels = PyramidLevels.forPeople(new SearchArea(new Box(0, 0, 300, 300), 20, 50), FACTOR, STEP);

        assertThat(levels).isEqualTo(new PyramidLevels(0, 1));
    }

    @Test
    void refusesSizesThatCannotBe() {
        assertThatThrownBy(() -> new SearchArea(new Box(0, 0, 10, 10), 50, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50.0 to 40.0");
    }
}
