package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.ui.common.MutableClock;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * ChartFX read-locks a chart's data sets when it lays the chart out and lets go only after the next
 * pulse's layout. A layout outside a pulse (a snapshot for the PNG export, a window sizing itself)
 * followed by new samples before that pulse must not leave the FX thread waiting on its own lock.
 */
class MemoryChartLayoutOutsideAPulseTest {

    private static final long MIB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(T0);
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeStage() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void samplesArrivingAfterASnapshotAreDrawnWithoutWaitingForTheNextPulse() throws Exception {
        MemoryChartViewModel model = new MemoryChartViewModel(clock);
        MemoryChartView view = WaitForAsyncUtils.asyncFx(() -> {
            model.show("local");
            MemoryChartView chart = new MemoryChartView(model, ZoneOffset.UTC);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart.node()), 800, 500));
            stage.show();
            sample(model, 100);
            return chart;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<Integer> readersAfterSnapshot = WaitForAsyncUtils.asyncFx(() -> {
            sample(model, 120);
            view.node().requestLayout();
            view.picture();
            return view.node().getRenderers().get(0).getDatasets().stream().map(MemoryChartLayoutOutsideAPulseTest::readers).toList();
        }).get(5, TimeUnit.SECONDS);
        // Writing a data set the FX thread itself still read-locks would park that thread for good.
        assertThat(readersAfterSnapshot).as("read locks left on the memory lines after a snapshot").containsOnly(0);

        int points = WaitForAsyncUtils.asyncFx(() -> {
            sample(model, 140);
            return view.node().getRenderers().get(0).getDatasets().get(0).getDataCount();
        }).get(5, TimeUnit.SECONDS);
        assertThat(points).isEqualTo(3);
    }

    private void sample(MemoryChartViewModel model, long mebibytes) {
        clock.advance(Duration.ofSeconds(1));
        model.add("local", new MemorySampled("w1", 11, mebibytes * MIB, clock.instant()));
        model.flush();
    }

    private static int readers(DataSet dataSet) {
        return dataSet.lock() instanceof DefaultDataSetLock<?> lock ? lock.getReaderCount() : 0;
    }
}
