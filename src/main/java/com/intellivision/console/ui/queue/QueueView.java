package com.intellivision.console.ui.queue;

import com.intellivision.console.ui.queue.QueueHistoryViewModel.Sample;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The Queue tab's charts: jobs waiting and running, and jobs done and failed per minute, over the last hour. */
public final class QueueView {

    @FXML private Label queueHeadline;
    @FXML private LineChart<Number, Number> backlogChart;
    @FXML private NumberAxis backlogTime;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private NumberAxis throughputTime;

    private final XYChart.Series<Number, Number> waiting = named("Waiting");
    private final XYChart.Series<Number, Number> running = named("Running");
    private final XYChart.Series<Number, Number> done = named("Done / min");
    private final XYChart.Series<Number, Number> failed = named("Failed / min");
    private Timeline sampler;

    public void bind(QueueHistoryViewModel viewModel, ZoneId zone) {
        queueHeadline.textProperty().bind(viewModel.headlineProperty());
        backlogChart.getData().setAll(List.of(waiting, running));
        throughputChart.getData().setAll(List.of(done, failed));
        for (NumberAxis axis : List.of(backlogTime, throughputTime)) {
            axis.setTickLabelFormatter(clockTimes(zone));
        }
        viewModel.samples().addListener((ListChangeListener<Sample>) change -> redraw(viewModel.samples()));
        redraw(viewModel.samples());
        sampler = new Timeline(new KeyFrame(Duration.millis(QueueHistoryViewModel.EVERY.toMillis()), tick -> viewModel.tick()));
        sampler.setCycleCount(Animation.INDEFINITE);
        sampler.play();
    }

    /** At most 720 points a line: redrawn whole, which costs less than tracking each change. */
    private void redraw(List<Sample> samples) {
        plot(waiting, samples, sample -> sample.figures().backlog());
        plot(running, samples, sample -> sample.figures().processing());
        plot(done, samples, sample -> sample.figures().completedLastMinute());
        plot(failed, samples, sample -> sample.figures().failedLastMinute());
        if (!samples.isEmpty()) {
            double first = seconds(samples.get(0));
            double last = Math.max(first + 60, seconds(samples.get(samples.size() - 1)));
            for (NumberAxis axis : List.of(backlogTime, throughputTime)) {
                axis.setLowerBound(first);
                axis.setUpperBound(last);
                axis.setTickUnit(Math.max(60, Math.ceil((last - first) / 6 / 60) * 60));
            }
        }
    }

    private static void plot(XYChart.Series<Number, Number> series, List<Sample> samples, ToDoubleFunction<Sample> value) {
        series.getData().setAll(samples.stream().map(sample -> new XYChart.Data<Number, Number>(seconds(sample), value.applyAsDouble(sample)))
                .toList());
    }

    private static double seconds(Sample sample) {
        return sample.at().toEpochMilli() / 1000.0;
    }

    private static XYChart.Series<Number, Number> named(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    private static StringConverter<Number> clockTimes(ZoneId zone) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        return new StringConverter<>() {
            @Override
            public String toString(Number epochSeconds) {
                return format.format(java.time.Instant.ofEpochMilli((long) (epochSeconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis is only read");
            }
        };
    }

    public void close() {
        if (sampler != null) {
            sampler.stop();
        }
    }
}
