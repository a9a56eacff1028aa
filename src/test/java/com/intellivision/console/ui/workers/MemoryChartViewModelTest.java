package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

public class MemoryChartViewModelTest {

    private static final long MIB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryChartViewModel chart = shown(new MemoryChartViewModel(clock));

    @Test
    void oneLinePerWorkerInTheOrderOfTheirIds() {
        sample(2, 120);
        sample(1, 100);
        sample(3, 90);

        assertThat(chart.series()).extracting(XYChart.Series::getName).containsExactly("w1", "w2", "w3");
        assertThat(points(1)).singleElement().satisfies(point -> {
            assertThat(point.getXValue().doubleValue()).isEqualTo(MemoryChartViewModel.seconds(T0));
            assertThat(point.getYValue().doubleValue()).isEqualTo(100);
        });
    }

    @Test
    void theAxisShowsTheLastFifteenMinutesByDefault() {
        clock.advance(Duration.ofMinutes(30));
        sample(1, 100);

        assertThat(chart.upperBoundProperty().get()).isEqualTo(MemoryChartViewModel.seconds(clock.instant()));
        assertThat(chart.lowerBoundProperty().get()).isEqualTo(MemoryChartViewModel.seconds(clock.instant().minus(Duration.ofMinutes(15))));
        assertThat(chart.tickUnitProperty().get()).isEqualTo(180);

        chart.windowProperty().set(Window.FIVE_MINUTES);
        assertThat(chart.lowerBoundProperty().get()).isEqualTo(MemoryChartViewModel.seconds(clock.instant().minus(Duration.ofMinutes(5))));
        assertThat(chart.tickUnitProperty().get()).isEqualTo(60);
    }

    @Test
    void twoHoursOfSamplesStayBoundedToTheWindow() {
        for (int second = 0; second < 2 * 3600; second++) {
            sample(1, 100 + second % 50);
            sample(2, 200);
            clock.advance(Duration.ofSeconds(1));
        }

        double windowStart = chart.lowerBoundProperty().get();
        for (int worker = 1; worker <= 2; worker++) {
            assertThat(points(worker)).hasSizeBetween(MemoryChartViewModel.MAX_POINTS - 2, MemoryChartViewModel.MAX_POINTS + 1);
            assertThat(points(worker)).allSatisfy(point -> assertThat(point.getXValue().doubleValue()).isGreaterThanOrEqualTo(windowStart));
        }
    }

    @Test
    void samplesInOneBucketBecomeOnePointAtTheirPeak() {
        sample(1, 100);
        clock.advance(Duration.ofMillis(500));
        sample(1, 150);
        clock.advance(Duration.ofMillis(500));
        sample(1, 120);

        assertThat(points(1)).extracting(point -> point.getYValue().doubleValue()).containsExactly(150.0);
    }

    @Test
    void anHourWindowRedrawsFromTheKeptSamplesWithinTheSameBound() {
        for (int second = 0; second < 50 * 60; second++) {
            sample(1, 100);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(points(1).get(0).getXValue().doubleValue()).isGreaterThanOrEqualTo(chart.lowerBoundProperty().get());

        chart.windowProperty().set(Window.ONE_HOUR);

        assertThat(chart.tickUnitProperty().get()).isEqualTo(600);
        assertThat(points(1)).hasSizeBetween(240, MemoryChartViewModel.MAX_POINTS + 1);
        assertThat(points(1).get(0).getXValue().doubleValue()).as("the first sample is within the hour").isEqualTo(MemoryChartViewModel.seconds(T0));

        chart.windowProperty().set(Window.FIFTEEN_MINUTES);
        assertThat(points(1)).hasSizeBetween(MemoryChartViewModel.MAX_POINTS - 2, MemoryChartViewModel.MAX_POINTS + 1);
    }

    @Test
    void historyFillsInBeforeTheLiveSamples() {
        clock.advance(Duration.ofMinutes(5));
        sample(1, 180);
        List<MemorySampled> history = new ArrayList<>();
        for (int second = 0; second <= 300; second += 10) {
            history.add(new MemorySampled("w1", 11, 100 * MIB, T0.plusSeconds(second)));
        }

        chart.fill("local", "w1", history);

        List<XYChart.Data<Number, Number>> points = points(1);
        assertThat(points).hasSize(31);
        assertThat(points.get(0).getXValue().doubleValue()).isEqualTo(MemoryChartViewModel.seconds(T0));
        assertThat(points.get(points.size() - 1).getYValue().doubleValue()).as("the live sample wins its own moment").isEqualTo(180);
    }

    @Test
    void historyOlderThanTheWindowIsKeptForTheHourButNotDrawn() {
        clock.advance(Duration.ofMinutes(30));
        chart.fill("local", "w1", List.of(new MemorySampled("w1", 11, 100 * MIB, T0), new MemorySampled("w1", 11, 110 * MIB, clock.instant())));

        assertThat(points(1)).hasSize(1);
        chart.windowProperty().set(Window.ONE_HOUR);
        assertThat(points(1)).hasSize(2);
    }

    @Test
    void aWorkerThatLeftThePoolLosesItsLine() {
        sample(1, 100);
        sample(2, 100);

        chart.remove("local", "w2");

        assertThat(chart.series()).extracting(XYChart.Series::getName).containsExactly("w1");
    }

    private void sample(int workerId, long mebibytes) {
        Instant now = clock.instant();
        chart.add("local", new MemorySampled("w" + workerId, 10 + workerId, mebibytes * MIB, now));
    }

    private List<XYChart.Data<Number, Number>> points(int workerId) {
        return chart.series().stream().filter(series -> series.getName().equals("w" + workerId)).findFirst().orElseThrow().getData();
    }

    @Test
    void eachDeploymentHasItsOwnLinesAndOnlyTheShownOnesAreDrawn() {
        sample(1, 100);
        chart.add("prod", new MemorySampled("celery@gpu", 4242, 512 * MIB, clock.instant()));

        assertThat(chart.series()).extracting(XYChart.Series::getName).containsExactly("w1");
        chart.show("prod");
        assertThat(chart.series()).extracting(XYChart.Series::getName).containsExactly("celery@gpu");
        chart.show("local");
        assertThat(chart.series()).extracting(XYChart.Series::getName).containsExactly("w1");

        chart.forget("prod");
        chart.show("prod");
        assertThat(chart.series()).isEmpty();
    }

    private static MemoryChartViewModel shown(MemoryChartViewModel chart) {
        chart.show("local");
        return chart;
    }
}
