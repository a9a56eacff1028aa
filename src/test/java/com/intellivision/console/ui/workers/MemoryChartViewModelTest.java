package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Frame;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's lines and windows, as plain data: what the view hands to ChartFX. */
public class MemoryChartViewModelTest {

    private static final long MIB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryChartViewModel chart = shown(new MemoryChartViewModel(clock));

    @Test
    void oneLinePerWorkerInTheOrderOfTheirIds() {
        sample(2, 120);
        sample(10, 90);
        sample(1, 100);

        assertThat(frame().lines()).extracting(WorkerLine::workerId).containsExactly("w1", "w2", "w10");
        assertThat(frame().line("w1").seconds()).containsExactly(seconds(T0));
        assertThat(frame().line("w1").mebibytes()).containsExactly(100.0);
    }

    @Test
    void theTimeAxisCoversExactlyTheChosenWindowEndingNow() {
        clock.advance(Duration.ofMinutes(30));
        sample(1, 100);
        double now = seconds(clock.instant());

        assertThat(frame().toSeconds()).isEqualTo(now);
        assertThat(frame().fromSeconds()).as("fifteen minutes by default").isEqualTo(now - 15 * 60);
        chart.windowProperty().set(Window.FIVE_MINUTES);
        assertThat(frame().fromSeconds()).isEqualTo(now - 5 * 60);
        chart.windowProperty().set(Window.ONE_HOUR);
        assertThat(frame().fromSeconds()).isEqualTo(now - 3600);
    }

    @Test
    void allStartsAtTheOldestKeptSample() {
        for (int minute = 0; minute < 120; minute++) {
            sample(1, 100);
            clock.advance(Duration.ofMinutes(1));
        }
        sample(1, 100);

        chart.windowProperty().set(Window.ALL);

        assertThat(frame().fromSeconds()).isEqualTo(seconds(T0));
        assertThat(frame().toSeconds()).isEqualTo(seconds(clock.instant()));
        assertThat(frame().line("w1").seconds()[0]).isEqualTo(seconds(T0));
    }

    @Test
    void theShortWindowsDrawEverySampleTheirs() {
        for (int second = 0; second < 20 * 60; second++) {
            sample(1, 100 + second % 7);
            clock.advance(Duration.ofSeconds(1));
        }
        sample(1, 100);

        WorkerLine fifteen = frame().line("w1");
        assertThat(fifteen.size()).isEqualTo(15 * 60 + 1);
        assertThat(fifteen.seconds()[0]).isGreaterThanOrEqualTo(frame().fromSeconds());
        chart.windowProperty().set(Window.FIVE_MINUTES);
        assertThat(frame().line("w1").size()).isEqualTo(5 * 60 + 1);
    }

    @Test
    void theHourAndAllAreBucketedByTheirPeakSoASpikeStaysVisible() {
        for (int second = 0; second < 3 * 3600; second++) {
            sample(1, second == 2 * 3600 + 1234 ? 900 : 100 + second % 3);
            sample(2, second == 1000 ? 700 : 200);
            clock.advance(Duration.ofSeconds(1));
        }

        chart.windowProperty().set(Window.ONE_HOUR);
        assertThat(frame().line("w1").size()).isBetween(MemoryChartViewModel.MAX_POINTS - 1, MemoryChartViewModel.MAX_POINTS + 1);
        assertThat(max(frame().line("w1"))).isEqualTo(900);
        assertThat(max(frame().line("w2"))).as("the spike two hours ago is outside the hour").isEqualTo(200);

        chart.windowProperty().set(Window.ALL);
        assertThat(frame().line("w2").size()).as("three hours in buckets of 20 s").isBetween(3 * 180, 3 * 180 + 1);
        assertThat(max(frame().line("w2"))).isEqualTo(700);
        assertThat(max(frame().line("w1"))).isEqualTo(900);
    }

    @Test
    void allOfAFilledInHistoryIsDrawnFromItsPeaks() {
        clock.advance(Duration.ofHours(6));
        sample(1, 100);
        List<MemorySampled> history = new ArrayList<>();
        for (int second = 0; second < 6 * 3600; second++) {
            history.add(new MemorySampled("w1", 11, (second == 4000 ? 640 : 100 + second % 9) * MIB, T0.plusSeconds(second)));
        }
        chart.fill("local", "w1", history);

        chart.windowProperty().set(Window.ALL);

        WorkerLine line = frame().line("w1");
        assertThat(line.size()).isBetween(MemoryChartViewModel.MAX_POINTS - 1, MemoryChartViewModel.MAX_POINTS + 1);
        assertThat(line.seconds()[0]).isEqualTo(seconds(T0));
        assertThat(max(line)).isEqualTo(640);
        assertThat(line.mebibytes()[line.size() - 1]).as("the live sample, in the last bucket").isEqualTo(100);
    }

    @Test
    void aWindowHoldsOnlyItsOwnSamplesSoAnOldPeakDoesNotFlattenTheLines() {
        sample(1, 2000);
        clock.advance(Duration.ofMinutes(10));
        for (int second = 0; second < 60; second++) {
            sample(1, 90 + second % 5);
            clock.advance(Duration.ofSeconds(1));
        }

        chart.windowProperty().set(Window.FIVE_MINUTES);

        assertThat(max(frame().line("w1"))).isLessThan(100);
        chart.windowProperty().set(Window.FIFTEEN_MINUTES);
        assertThat(max(frame().line("w1"))).isEqualTo(2000);
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

        WorkerLine line = frame().line("w1");
        assertThat(line.size()).as("the history's moment now is the live sample's").isEqualTo(31);
        assertThat(line.seconds()[0]).isEqualTo(seconds(T0));
        assertThat(line.mebibytes()[line.size() - 1]).as("the live sample wins its own moment").isEqualTo(180);
    }

    @Test
    void aWorkerThatLeftThePoolLosesItsLine() {
        sample(1, 100);
        sample(2, 100);

        chart.remove("local", "w2");

        assertThat(frame().lines()).extracting(WorkerLine::workerId).containsExactly("w1");
    }

    @Test
    void eachDeploymentHasItsOwnLinesAndOnlyTheShownOnesAreDrawn() {
        sample(1, 100);
        chart.add("prod", new MemorySampled("celery@gpu", 4242, 512 * MIB, clock.instant()));
        chart.limits("local", new WorkerMemoryLimits(1024 * MIB, 2048 * MIB));

        assertThat(frame().lines()).extracting(WorkerLine::workerId).containsExactly("w1");
        assertThat(frame().limits()).isNotNull();
        chart.show("prod");
        assertThat(frame().lines()).extracting(WorkerLine::workerId).containsExactly("celery@gpu");
        assertThat(frame().limits()).as("a deployment that does not say has no limit lines").isNull();
        chart.show("local");
        assertThat(frame().lines()).extracting(WorkerLine::workerId).containsExactly("w1");

        chart.forget("prod");
        chart.show("prod");
        assertThat(frame().lines()).isEmpty();
    }

    @Test
    void samplesWaitForTheEndOfTheirBatchToBeDrawn() {
        sample(1, 100);
        assertThat(frame().line("w1").size()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        sample(1, 120);

        assertThat(chart.frameProperty().get().line("w1").size()).as("drawn once per batch, at its end").isEqualTo(1);
        chart.flush();
        assertThat(chart.frameProperty().get().line("w1").mebibytes()).containsExactly(100.0, 120.0);
    }

    private void sample(int workerId, long mebibytes) {
        chart.add("local", new MemorySampled("w" + workerId, 10 + workerId, mebibytes * MIB, clock.instant()));
    }

    private Frame frame() {
        chart.flush();
        return chart.frameProperty().get();
    }

    private static double max(WorkerLine line) {
        return Arrays.stream(line.mebibytes()).max().orElse(Double.NaN);
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private static MemoryChartViewModel shown(MemoryChartViewModel chart) {
        chart.show("local");
        return chart;
    }
}
