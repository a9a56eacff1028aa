package com.intellivision.console.ui.queue;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.queue.QueueHistoryViewModel.Sample;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueHistoryViewModelTest {

    private final MutableClock clock = new MutableClock(T0);
    private final QueueHistoryViewModel history = new QueueHistoryViewModel(clock);

    @Test
    void aBurstMakesOnePointAndQuietTimeRepeatsTheLastFigures() {
        history.show("local");
        history.apply("local", figures(3, 1));
        clock.advance(Duration.ofSeconds(1));
        history.apply("local", figures(5, 2));

        assertThat(history.samples()).extracting(sample -> sample.figures().pending()).containsExactly(5);

        clock.advance(Duration.ofSeconds(6));
        history.tick();
        clock.advance(Duration.ofSeconds(2));
        history.tick();

        assertThat(history.samples()).hasSize(2).extracting(Sample::at).containsExactly(T0.plusSeconds(1), T0.plusSeconds(7));
        assertThat(history.headlineProperty().get()).startsWith("5 waiting · 2 running");
    }

    @Test
    void anHourIsKeptPerDeploymentAndSwitchingShowsTheOther() {
        history.show("local");
        history.apply("prod", figures(9, 0));
        for (int minute = 0; minute < 70; minute++) {
            history.apply("local", figures(minute, 0));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(history.samples()).hasSizeLessThanOrEqualTo(61);
        assertThat(history.samples().get(0).at()).isAfterOrEqualTo(clock.instant().minus(Duration.ofHours(1)).minus(Duration.ofMinutes(1)));

        history.show("prod");
        assertThat(history.samples()).extracting(sample -> sample.figures().pending()).containsExactly(9);
    }

    private static QueueFigures figures(int pending, int processing) {
        return new QueueFigures(pending, processing, 0, 0, 0, 0);
    }
}
