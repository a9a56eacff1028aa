package com.intellivision.console.ui.workers;

import com.intellivision.console.ui.common.StyleClasses;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Frame;
import io.fair_acc.chartfx.Chart;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws over the memory lines what the workers did: a band over each worker's line for each job it ran
 * (hover: which job, its kind and outcome; click: select it), and a marker where its process was
 * recycled, killed or lost (hover: why). Nodes are kept per band and marker between frames, so an open
 * tooltip stays open while the chart moves on.
 */
final class WorkerTimelinePlugin extends ChartPlugin {

    /** Pixels a band reaches above and below its line, so a flat line still has a band to hover. */
    private static final double BAND_MARGIN = 6;
    private static final double MARKER_SIZE = 16;
    private static final int COLOURS = 8;

    private final Consumer<JobBand> onChoose;
    private final Map<String, Rectangle> bandNodes = new HashMap<>();
    private final Map<String, Label> markerNodes = new HashMap<>();
    private Frame frame = Frame.EMPTY;

    WorkerTimelinePlugin(Consumer<JobBand> onChoose) {
        this.onChoose = onChoose;
    }

    /** Shows another frame's bands and markers at the next layout. */
    void show(Frame shown) {
        this.frame = shown;
        Set<String> bands = new HashSet<>();
        for (JobBand band : shown.bands()) {
            String key = keyOf(band);
            bands.add(key);
            Rectangle node = bandNodes.computeIfAbsent(key, unused -> newBand());
            // Each node carries what it stands for, for its handlers and for anyone looking at the chart.
            node.setUserData(band);
            StyleClasses.set(node, "job-band", "worker-color-" + colourOf(band.workerId()), "band-" + band.outcome().toLowerCase(Locale.ROOT));
            ((Tooltip) node.getProperties().get(Tooltip.class)).setText(band.describe(shown.toSeconds()));
        }
        bandNodes.keySet().retainAll(bands);
        Set<String> markers = new HashSet<>();
        for (WorkerMarker marker : shown.markers()) {
            String key = marker.workerId() + "@" + marker.atSeconds();
            markers.add(key);
            Label node = markerNodes.computeIfAbsent(key, unused -> newMarker(marker));
            node.setUserData(marker);
        }
        markerNodes.keySet().retainAll(markers);
        getChartChildren().setAll(bandNodes.values());
        getChartChildren().addAll(markerNodes.values());
        Chart chart = getChart();
        if (chart != null) {
            chart.invalidate();
        }
    }

    @Override
    public void runPostLayout() {
        if (!(getChart() instanceof XYChart chart)) {
            return;
        }
        Axis xAxis = chart.getXAxis();
        Axis yAxis = chart.getYAxis();
        Bounds plot = chart.getCanvas().getBoundsInLocal();
        for (Rectangle node : bandNodes.values()) {
            JobBand band = (JobBand) node.getUserData();
            WorkerLine line = frame.line(band.workerId());
            double end = band.endOr(frame.toSeconds());
            double left = clamp(plot.getMinX() + xAxis.getDisplayPosition(band.startSeconds()), plot.getMinX(), plot.getMaxX());
            double right = clamp(plot.getMinX() + xAxis.getDisplayPosition(end), plot.getMinX(), plot.getMaxX());
            double[] range = line == null ? new double[] {Double.NaN, Double.NaN} : line.rangeBetween(band.startSeconds(), end);
            boolean drawable = right > left && !Double.isNaN(range[0]);
            node.setVisible(drawable);
            if (drawable) {
                double top = clamp(plot.getMinY() + yAxis.getDisplayPosition(range[1]) - BAND_MARGIN, plot.getMinY(), plot.getMaxY());
                double bottom = clamp(plot.getMinY() + yAxis.getDisplayPosition(range[0]) + BAND_MARGIN, plot.getMinY(), plot.getMaxY());
                node.setX(left);
                node.setY(top);
                node.setWidth(Math.max(2, right - left));
                node.setHeight(Math.max(2, bottom - top));
            }
        }
        for (Label node : markerNodes.values()) {
            WorkerMarker marker = (WorkerMarker) node.getUserData();
            WorkerLine line = frame.line(marker.workerId());
            double x = plot.getMinX() + xAxis.getDisplayPosition(marker.atSeconds());
            double value = line == null ? Double.NaN : line.mebibytesAt(marker.atSeconds());
            double y = Double.isNaN(value) ? plot.getMaxY() - MARKER_SIZE : plot.getMinY() + yAxis.getDisplayPosition(value);
            boolean drawable = x >= plot.getMinX() && x <= plot.getMaxX();
            node.setVisible(drawable);
            node.resizeRelocate(x - MARKER_SIZE / 2, clamp(y, plot.getMinY(), plot.getMaxY()) - MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE);
        }
    }

    private Rectangle newBand() {
        Rectangle node = new Rectangle();
        node.setManaged(false);
        Tooltip tooltip = new Tooltip();
        tooltip.setShowDelay(Duration.millis(200));
        Tooltip.install(node, tooltip);
        node.getProperties().put(Tooltip.class, tooltip);
        node.setOnMouseClicked(event -> {
            if (event.getClickCount() == 1 && event.isStillSincePress()) {
                onChoose.accept((JobBand) node.getUserData());
                event.consume();
            }
        });
        return node;
    }

    private static Label newMarker(WorkerMarker marker) {
        String icon = switch (marker.kind()) {
            case RECYCLED -> "fth-refresh-cw";
            case KILLED -> "fth-x-octagon";
            case LOST -> "fth-alert-triangle";
        };
        Label node = new Label(null, new FontIcon(icon));
        node.setManaged(false);
        node.getStyleClass().addAll("worker-marker", "marker-" + marker.kind().name().toLowerCase(Locale.ROOT));
        Tooltip tooltip = new Tooltip(marker.reason());
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        node.setTooltip(tooltip);
        return node;
    }

    private int colourOf(String workerId) {
        List<WorkerLine> lines = frame.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).workerId().equals(workerId)) {
                return i % COLOURS;
            }
        }
        return 0;
    }

    private static String keyOf(JobBand band) {
        return band.workerId() + "#" + band.jobId() + "@" + band.startSeconds();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
