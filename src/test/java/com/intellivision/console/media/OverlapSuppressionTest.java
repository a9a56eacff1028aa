package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapSuppressionTest {

    private static final double MIN_SCORE = 0.1;
    private static final double MAX_OVERLAP = 0.3;

    @Test
    void ofOverlappingBoxesTheBestScoringIsKept() {
        Detection weaker = new Detection(new Box(100, 50, 40, 80), 0.6f);
        Detection stronger = new Detection(new Box(104, 56, 40, 80), 0.9f);
        Detection apart = new Detection(new Box(400, 50, 40, 80), 0.5f);

        assertThat(OverlapSuppression.keepBest(List.of(weaker, apart, stronger), MIN_SCORE, MAX_OVERLAP)).containsExactly(stronger, apart);
    }

    @Test
    void boxesScoringTheSameGiveOnePersonWhateverOrderTheyCameIn() {
        // As HOG's threads hand them over: the same windows, in an order that changes from run to run.
        Detection higher = new Detection(new Box(338, 387, 44, 131), 0.75f);
        Detection lower = new Detection(new Box(338, 410, 44, 131), 0.75f);
        Detection other = new Detection(new Box(506, 247, 30, 90), 0.8f);

        List<Detection> oneWay = OverlapSuppression.keepBest(List.of(higher, lower, other), MIN_SCORE, MAX_OVERLAP);
        List<Detection> otherWay = OverlapSuppression.keepBest(List.of(lower, other, higher), MIN_SCORE, MAX_OVERLAP);

        assertThat(oneWay).hasSize(2).containsExactlyElementsOf(otherWay);
        assertThat(oneWay).containsExactly(other, higher);
    }
}
