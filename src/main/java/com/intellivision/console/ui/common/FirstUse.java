package com.intellivision.console.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PeopleCountResult;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;

/**
 * Does, before the first job needs it, what costs tens of milliseconds the first time it runs in a
 * JVM; done on the FX thread when the first frame or count arrives, the window would skip frames.
 * Jackson builds a type's reader and the pretty printer at their first use; a record's
 * {@code equals} and {@code hashCode} are linked at their first call; JavaFX starts its image
 * loader's threads and PNG decoder with the first image loaded in the background; a chart's first
 * layout runs its code uncompiled.
 */
public final class FirstUse {

    /** A 1 × 1 PNG, so that the image loader decodes a picture without reading a file. */
    private static final String TINY_PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC";

    /** A count with one of each of its parts, whose records' methods are then linked. */
    private static final String COUNT = "{\"person_count\": 1, \"alerts\": [{\"message\": \"-\", \"timestamp\": 0}],"
            + " \"timeline\": [{\"timestamp\": 0, \"count\": 1, \"boxes\": [{\"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1, \"track\": 1}]}]}";

    private FirstUse() {}

    /** Call once, on a background thread, as the window opens (JavaFX must have started). */
    public static void prepare() {
        try {
            PeopleCountResult count = JobJson.mapper().readValue(COUNT, PeopleCountResult.class);
            // Called for their linking alone: a record's equals and hashCode are bound at their first call.
            count.equals(count.withProcessingTime(1));
            count.hashCode();
            JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(count);
        } catch (JsonProcessingException cannotHappenForThisCount) {
            throw new IllegalStateException(cannotHappenForThisCount);
        }
        try {
            JobJson.mapper().convertValue(JobJson.mapper().createObjectNode(), FrameResult.class);
        } catch (IllegalArgumentException | NullPointerException emptyResultsAreNoResult) {
            // Only the reader was wanted.
        }
        new Image(TINY_PNG, true);
        layOutAChart();
    }

    /**
     * Lays out a chart like a count's timeline a few times, so that its code is compiled before the
     * first finished count shows (uncompiled, that layout held the FX thread 30 to 35 ms). A chart in
     * no window may be built and laid out on any thread.
     */
    private static void layOutAChart() {
        AreaChart<Number, Number> chart = new AreaChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (int sample = 0; sample < 200; sample++) {
            series.getData().add(new XYChart.Data<>(sample * 0.5, sample % 7));
        }
        chart.getData().add(series);
        for (int width = 400; width <= 800; width += 200) {
            chart.resize(width, 130);
            chart.layout();
        }
    }
}
