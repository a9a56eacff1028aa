package com.intellivision.console.ui.workers;

import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.ui.workers.MemoryChartViewModel.Frame;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.ColorPalette;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.awt.image.RenderedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.util.StringConverter;

/**
 * The memory chart on ChartFX: a line per worker fed from the view model's frames, the memory limits as
 * labelled lines, the jobs' bands and the replaced processes' markers. Drag (or scroll) to zoom into a
 * stretch of time, drag with the middle button or with Ctrl to pan, right-click to zoom back out; while
 * zoomed or panned the chart stops following the clock, and a double click or {@link #backToLive()}
 * returns to the live window.
 */
final class MemoryChartView {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final DefaultNumericAxis timeAxis = new DefaultNumericAxis("Time", (String) null);
    private final DefaultNumericAxis memoryAxis = new DefaultNumericAxis("Memory", "MiB");
    private final XYChart chart = new XYChart(timeAxis, memoryAxis);
    private final ErrorDataSetRenderer lines = new ErrorDataSetRenderer();
    private final Zoomer zoomer = new Zoomer(AxisMode.X);
    private final WorkerTimelinePlugin timeline;
    private final Map<String, FxThreadDataSet> datasets = new HashMap<>();
    private final List<YValueIndicator> limitLines = new ArrayList<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(true);
    /** Whether the chart is on screen; drawn only then. */
    private final BooleanProperty onScreen = new SimpleBooleanProperty(true);
    private WorkerMemoryLimits drawnLimits;
    private Frame frame = Frame.EMPTY;
    /** True while the frame sets the time axis, which is not someone zooming or panning. */
    private boolean followingClock;

    MemoryChartView(MemoryChartViewModel model, ZoneId zone) {
        this.timeline = new WorkerTimelinePlugin(model::choose);
        chart.setId("memoryChart");
        chart.getStyleClass().add("memory-chart");
        chart.setAnimated(false);
        chart.setColorPalette(ColorPalette.ATLANTAFX);
        chart.setLegendVisible(true);
        chart.getTitleLegendPane().setVisible(true);
        // The window's own buttons do what ChartFX's sliding tool bar would.
        chart.getMenuPane().setTop(null);

        timeAxis.setSide(Side.BOTTOM);
        timeAxis.setAutoRanging(false);
        timeAxis.setAutoRangeRounding(false);
        // Ticks on whole seconds, minutes and hours; labelled in the console's zone below.
        timeAxis.setTimeAxis(true);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSeconds) {
                DateTimeFormatter format = timeAxis.getTickUnit() < 60 ? SECONDS : MINUTES;
                return format.format(Instant.ofEpochMilli(Math.round(epochSeconds.doubleValue() * 1000)).atZone(zone));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is not edited");
            }
        });
        memoryAxis.setSide(Side.LEFT);
        memoryAxis.setAutoRanging(true);
        memoryAxis.setForceZeroInRange(false);
        memoryAxis.setAutoRangeRounding(false);
        memoryAxis.setAutoRangePadding(0.1);
        // Samples in MiB: no kilo-MiB prefixes on the axis.
        memoryAxis.setAutoUnitScaling(false);

        lines.setPolyLineStyle(LineStyle.NORMAL);
        lines.setErrorStyle(ErrorStyle.NONE);
        lines.setDrawMarker(false);
        lines.setPointReduction(true);
        lines.setAssumeSortedData(true);
        chart.getRenderers().setAll(lines);

        zoomer.setPannerEnabled(true);
        // ChartFX pans with the middle button only; a touchpad has none, so Ctrl (or Cmd) with the primary button pans too.
        zoomer.setPanMouseFilter(event -> onCanvas(event) && !event.isSecondaryButtonDown()
                && (event.isMiddleButtonDown() && !event.isPrimaryButtonDown() || event.isPrimaryButtonDown() && event.isShortcutDown()));
        zoomer.setSliderVisible(false);
        zoomer.setAddButtonsToToolBar(false);
        chart.getPlugins().addAll(zoomer, timeline);
        chart.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                backToLive();
            }
        });
        // Someone zoomed or panned: the chart holds that stretch of time until they go back to live.
        timeAxis.minProperty().addListener((property, before, after) -> leaveLiveUnlessFollowing());
        timeAxis.maxProperty().addListener((property, before, after) -> leaveLiveUnlessFollowing());
        live.addListener((property, before, following) -> fitMemoryAxis());

        model.frameProperty().addListener((property, before, after) -> {
            if (onScreen.get()) {
                show(after);
            }
        });
        onScreen.addListener((property, before, now) -> {
            if (now) {
                show(model.frameProperty().get());
            }
        });
        show(model.frameProperty().get());
    }

    /**
     * Draws only while {@code visible} holds, then at once the latest frame: ChartFX lays out and
     * redraws a chart at every change even on a tab nobody looks at, which costs the FX thread.
     */
    void drawWhile(ObservableBooleanValue visible) {
        onScreen.bind(visible);
    }

    XYChart node() {
        return chart;
    }

    /** Follows the clock again, with the window chosen. */
    void backToLive() {
        zoomer.zoomStackDeque().clear();
        live.set(true);
        followTheClock();
    }

    /** Whether the time axis follows the clock; false while zoomed or panned. */
    ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The time shown, epoch seconds: {from, to}. */
    double[] shownRange() {
        return new double[] {timeAxis.getMin(), timeAxis.getMax()};
    }

    /** Takes a picture of the chart now, on the FX thread; it is turned into an image to write later, in the background. */
    Supplier<RenderedImage> picture() {
        WritableImage shot = chart.snapshot(new SnapshotParameters(), null);
        return () -> SwingFXUtils.fromFXImage(shot, null);
    }

    private boolean onCanvas(MouseEvent event) {
        Point2D at = chart.getCanvas().sceneToLocal(event.getSceneX(), event.getSceneY());
        return at != null && chart.getCanvas().getLayoutBounds().contains(at);
    }

    private void show(Frame shown) {
        frame = shown;
        List<FxThreadDataSet> ordered = new ArrayList<>();
        for (WorkerLine line : shown.lines()) {
            FxThreadDataSet dataset = datasets.computeIfAbsent(line.workerId(), FxThreadDataSet::new);
            dataset.set(line.seconds(), line.mebibytes(), false);
            ordered.add(dataset);
        }
        datasets.keySet().retainAll(shown.lines().stream().map(WorkerLine::workerId).toList());
        if (!lines.getDatasets().equals(ordered)) {
            lines.getDatasets().setAll(ordered);
        }
        drawLimits(shown.limits());
        timeline.show(shown);
        if (live.get()) {
            followTheClock();
        } else {
            fitMemoryAxis();
        }
    }

    private void followTheClock() {
        followingClock = true;
        try {
            timeAxis.setMin(frame.fromSeconds());
            timeAxis.setMax(frame.toSeconds());
        } finally {
            followingClock = false;
        }
        chart.invalidate();
    }

    private void leaveLiveUnlessFollowing() {
        if (!followingClock) {
            live.set(false);
            fitMemoryAxis();
        }
    }

    /**
     * Live, the lines hold only the window's points and ChartFX fits the memory axis to them; zoomed or
     * panned, it is fitted here to the points in the time shown, so a flat stretch is not drawn flat.
     */
    private void fitMemoryAxis() {
        if (live.get()) {
            memoryAxis.setAutoRanging(true);
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (WorkerLine line : frame.lines()) {
            if (line.size() > 0) {
                double[] range = line.rangeBetween(timeAxis.getMin(), timeAxis.getMax());
                low = Math.min(low, range[0]);
                high = Math.max(high, range[1]);
            }
        }
        if (low > high) {
            return;
        }
        double padding = Math.max(1, (high - low) * 0.1);
        memoryAxis.setAutoRanging(false);
        memoryAxis.setMin(low - padding);
        memoryAxis.setMax(high + padding);
    }

    private void drawLimits(WorkerMemoryLimits limits) {
        if (Objects.equals(limits, drawnLimits)) {
            return;
        }
        drawnLimits = limits;
        chart.getPlugins().removeAll(limitLines);
        limitLines.clear();
        if (limits != null) {
            limitLines.add(limitLine(limits.softBytes(), "Soft limit " + WorkerRow.mebibytes(limits.softBytes()) + ": recycled after a job", "soft-limit"));
            limitLines.add(limitLine(limits.hardBytes(), "Hard limit " + WorkerRow.mebibytes(limits.hardBytes()) + ": killed", "hard-limit"));
            chart.getPlugins().addAll(limitLines);
        }
    }

    private YValueIndicator limitLine(long bytes, String text, String styleClass) {
        YValueIndicator line = new YValueIndicator(memoryAxis, bytes / (1024.0 * 1024.0), text) {
            @Override
            public void updateStyleClass() {
                super.updateStyleClass();
                label.getStyleClass().add(styleClass);
                this.line.getStyleClass().add(styleClass);
            }
        };
        line.setEditable(false);
        line.updateStyleClass();
        return line;
    }
}
