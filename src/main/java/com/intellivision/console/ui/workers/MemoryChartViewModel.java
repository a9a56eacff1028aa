package com.intellivision.console.ui.workers;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Resident memory per worker over the last minutes, one line per worker id: x is the sample's time in
 * epoch seconds, y is MiB.
 *
 * <p>Samples arrive once a second per worker, so an hour of sixteen workers would be 57,600 points: far
 * more than a chart can redraw every second without stuttering. Each line therefore keeps at most
 * {@link #MAX_POINTS} points, one per time bucket of the window (1 s for 5 minutes, 3 s for 15, 12 s for an hour;
 * the bucket's peak, so spikes stay visible), and drops points that leave the window. The raw samples
 * of the last hour stay aside, so switching the window redraws at once.
 */
public final class MemoryChartViewModel {

    /** How far back the chart looks. */
    public enum Window {
        FIVE_MINUTES(Duration.ofMinutes(5), Duration.ofMinutes(1)),
        FIFTEEN_MINUTES(Duration.ofMinutes(15), Duration.ofMinutes(3)),
        ONE_HOUR(Duration.ofHours(1), Duration.ofMinutes(10));

        private final Duration length;
        private final Duration tick;

        Window(Duration length, Duration tick) {
            this.length = length;
            this.tick = tick;
        }

        public Duration length() {
            return length;
        }

        Duration bucket() {
            return length.dividedBy(MAX_POINTS);
        }
    }

    static final int MAX_POINTS = 300;
    /** Raw samples kept per worker: an hour at one a second, the longest window. */
    static final Duration KEPT = Window.ONE_HOUR.length();
    private static final double MIB = 1024 * 1024;

    private final Clock clock;
    /** Every deployment's lines, by deployment and then by worker; only the shown deployment's are drawn. */
    private final Map<String, Map<String, Line>> lines = new HashMap<>();
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(Window.FIFTEEN_MINUTES);
    private final ReadOnlyDoubleWrapper lowerBound = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper upperBound = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper tickUnit = new ReadOnlyDoubleWrapper();
    private String shownDeployment;

    MemoryChartViewModel(Clock clock) {
        this.clock = clock;
        window.addListener((property, before, after) -> {
            if (after == null) {
                window.set(before);
                return;
            }
            allLines().forEach(Line::redraw);
            moveWindow();
        });
        moveWindow();
    }

    /** Draws the lines of another deployment. */
    void show(String deploymentId) {
        shownDeployment = deploymentId;
        series.setAll(linesOf(deploymentId).values().stream().map(line -> line.chartSeries).toList());
    }

    /** A new sample: added to its worker's line, and every line moves on with the clock. */
    void add(String deploymentId, MemorySampled sample) {
        lineOf(deploymentId, sample.workerId()).add(sample);
        moveWindow();
    }

    /** The samples a worker had before the window opened, oldest first; samples already shown win. */
    void fill(String deploymentId, String workerId, List<MemorySampled> history) {
        if (history.isEmpty()) {
            return;
        }
        lineOf(deploymentId, workerId).prepend(history);
        moveWindow();
    }

    /** A worker left the pool for good; its line goes with it. */
    void remove(String deploymentId, String workerId) {
        Line line = linesOf(deploymentId).remove(workerId);
        if (line != null) {
            series.remove(line.chartSeries);
        }
    }

    /** A deployment was removed; all its lines go. */
    void forget(String deploymentId) {
        Map<String, Line> gone = lines.remove(deploymentId);
        if (gone != null) {
            gone.values().forEach(line -> series.remove(line.chartSeries));
        }
    }

    private Map<String, Line> linesOf(String deploymentId) {
        return lines.computeIfAbsent(deploymentId, id -> new TreeMap<>(WorkerInfo.NAME_ORDER));
    }

    private Line lineOf(String deploymentId, String workerId) {
        Map<String, Line> ofDeployment = linesOf(deploymentId);
        Line line = ofDeployment.get(workerId);
        if (line == null) {
            line = new Line(workerId);
            ofDeployment.put(workerId, line);
            if (deploymentId.equals(shownDeployment)) {
                // Sorted by worker, so the legend and the colours follow the workers' order.
                int index = (int) ofDeployment.keySet().stream().filter(other -> WorkerInfo.NAME_ORDER.compare(other, workerId) < 0).count();
                series.add(index, line.chartSeries);
            }
        }
        return line;
    }

    private List<Line> allLines() {
        return lines.values().stream().flatMap(ofDeployment -> ofDeployment.values().stream()).toList();
    }

    private void moveWindow() {
        Instant now = clock.instant();
        Instant start = now.minus(window.get().length());
        allLines().forEach(line -> line.forgetBefore(now.minus(KEPT), start));
        lowerBound.set(seconds(start));
        upperBound.set(seconds(now));
        tickUnit.set(window.get().tick.toSeconds());
    }

    static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    /** One worker's samples and the points drawn from them. */
    private final class Line {
        private final XYChart.Series<Number, Number> chartSeries = new XYChart.Series<>();
        private final Deque<MemorySampled> samples = new ArrayDeque<>();
        private long lastBucket = Long.MIN_VALUE;

        Line(String name) {
            chartSeries.setName(name);
        }

        void add(MemorySampled sample) {
            if (!samples.isEmpty() && sample.at().isBefore(samples.peekLast().at())) {
                return;
            }
            samples.addLast(sample);
            plot(sample);
        }

        void prepend(List<MemorySampled> history) {
            Instant firstKnown = samples.isEmpty() ? Instant.MAX : samples.peekFirst().at();
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).at().isBefore(firstKnown)) {
                    samples.addFirst(history.get(i));
                }
            }
            redraw();
        }

        void redraw() {
            chartSeries.getData().clear();
            lastBucket = Long.MIN_VALUE;
            Instant start = clock.instant().minus(window.get().length());
            samples.stream().filter(sample -> !sample.at().isBefore(start)).forEach(this::plot);
        }

        /** Adds a point, or raises the last one if the sample falls in the same bucket. */
        private void plot(MemorySampled sample) {
            long bucket = sample.at().toEpochMilli() / window.get().bucket().toMillis();
            double mebibytes = sample.rssBytes() / MIB;
            ObservableList<XYChart.Data<Number, Number>> points = chartSeries.getData();
            if (bucket == lastBucket && !points.isEmpty()) {
                XYChart.Data<Number, Number> last = points.get(points.size() - 1);
                if (mebibytes > last.getYValue().doubleValue()) {
                    last.setYValue(mebibytes);
                }
                return;
            }
            lastBucket = bucket;
            points.add(new XYChart.Data<>(seconds(sample.at()), mebibytes));
        }

        void forgetBefore(Instant keptFrom, Instant shownFrom) {
            while (!samples.isEmpty() && samples.peekFirst().at().isBefore(keptFrom)) {
                samples.removeFirst();
            }
            ObservableList<XYChart.Data<Number, Number>> points = chartSeries.getData();
            double first = seconds(shownFrom);
            int leaving = 0;
            while (leaving < points.size() && points.get(leaving).getXValue().doubleValue() < first) {
                leaving++;
            }
            if (leaving > 0) {
                points.remove(0, leaving);
            }
        }
    }

    /** One series per worker of the deployment shown, ordered by worker. */
    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    /** The x axis's start: the window's length before now, in epoch seconds. */
    public ReadOnlyDoubleProperty lowerBoundProperty() {
        return lowerBound.getReadOnlyProperty();
    }

    /** The x axis's end: now, in epoch seconds. */
    public ReadOnlyDoubleProperty upperBoundProperty() {
        return upperBound.getReadOnlyProperty();
    }

    /** Seconds between the x axis's labels. */
    public ReadOnlyDoubleProperty tickUnitProperty() {
        return tickUnit.getReadOnlyProperty();
    }
}
