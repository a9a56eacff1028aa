package com.intellivision.console.ui.workers;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.MachineMemory;
import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures beside the chart (the machine's memory, the limits) and what it exports. */
public class WorkersMemoryFiguresTest {

    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(T0);
    private final FakeDeployment deployment = new FakeDeployment();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final RecordedNotices notices = new RecordedNotices();
    private final WorkersViewModel workers = new WorkersViewModel(clock, new TaskRunner(background::add, Runnable::run),
            (deploymentId, id) -> List.of(), notices);

    @Test
    void theMachinesMemoryAndTheLimitsAreReadInTheBackgroundAndShown() {
        deployment.memoryLimits = Optional.of(new WorkerMemoryLimits(1024 * MIB, 2048 * MIB));
        deployment.machineMemory = Optional.of(new MachineMemory(16 * GIB, 4 * GIB));

        show();
        assertThat(deployment.calls).as("not on the UI thread").doesNotContain("memoryLimits", "machineMemory");
        runBackground();

        assertThat(workers.machineMemoryProperty().get()).isEqualTo("Machine memory: 16.0 GiB total · 4.0 GiB free (25 %)");
        assertThat(workers.limitsTextProperty().get()).isEqualTo("Soft limit 1024 MiB · hard limit 2048 MiB");
        assertThat(workers.memoryChart().frameProperty().get().limits()).isEqualTo(deployment.memoryLimits.get());
    }

    @Test
    void theMachinesMemoryIsReadAgainAsSamplesArriveAtMostEveryFewSeconds() {
        deployment.machineMemory = Optional.of(new MachineMemory(16 * GIB, 4 * GIB));
        show();
        runBackground();
        deployment.machineMemory = Optional.of(new MachineMemory(16 * GIB, 8 * GIB));

        workers.applyMemory("fake", new MemorySampled("w1", 11, 100 * MIB, clock.instant()));
        assertThat(background).as("read a moment ago").isEmpty();
        clock.advance(WorkersViewModel.MACHINE_READ_EVERY.plus(Duration.ofSeconds(1)));
        workers.applyMemory("fake", new MemorySampled("w1", 11, 100 * MIB, clock.instant()));
        runBackground();

        assertThat(workers.machineMemoryProperty().get()).contains("8.0 GiB free (50 %)");
    }

    @Test
    void aDeploymentThatDoesNotReportItsMachineSaysSoAndDrawsNoLimits() {
        show();
        runBackground();

        assertThat(workers.machineMemoryProperty().get()).isEqualTo(WorkersViewModel.MACHINE_NOT_REPORTED);
        assertThat(workers.limitsTextProperty().get()).isEmpty();
        assertThat(workers.memoryChart().frameProperty().get().limits()).isNull();
    }

    @Test
    void theSamplesOfTheTimeShownExportAsCsvThatReadsBack() throws Exception {
        show();
        runBackground();
        for (int second = 0; second < 10; second++) {
            workers.applyMemory("fake", new MemorySampled("w2", 12, (200 + second) * MIB, T0.plusSeconds(second)));
            workers.applyMemory("fake", new MemorySampled("w1", 11, 100 * MIB + second * MIB / 2, T0.plusSeconds(second)));
            clock.advance(Duration.ofSeconds(1));
        }
        background.clear();
        Path target = temp.resolve("memory.csv");

        workers.exportCsv(target, seconds(2), seconds(4));
        assertThat(workers.exportingProperty().get()).isTrue();
        assertThat(target).as("written in the background").doesNotExist();
        runBackground();

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).extracting(row -> row.get("time_utc"), row -> row.get("worker"), row -> row.get("rss_mib")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:02Z", "w1", "101.0"),
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:02Z", "w2", "202.0"),
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:03Z", "w1", "101.5"),
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:03Z", "w2", "203.0"),
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:04Z", "w1", "102.0"),
                org.assertj.core.groups.Tuple.tuple("2025-03-01T10:00:04Z", "w2", "204.0"));
        assertThat(workers.exportingProperty().get()).isFalse();
        assertThat(notices.done).containsExactly("Exported 6 memory samples to memory.csv");
    }

    @Test
    void aPictureOfTheChartIsWrittenAsPngInTheBackground() throws Exception {
        show();
        runBackground();
        BufferedImage picture = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0x00ff00);
        Path target = temp.resolve("chart.png");

        workers.exportPicture(target, () -> picture);
        assertThat(target).doesNotExist();
        runBackground();

        BufferedImage read = ImageIO.read(target.toFile());
        assertThat(read.getWidth()).isEqualTo(40);
        assertThat(read.getRGB(3, 4) & 0xffffff).isEqualTo(0x00ff00);
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhere() {
        show();
        runBackground();

        workers.exportCsv(temp.resolve("no-such-folder").resolve("memory.csv"), seconds(0), seconds(10));
        runBackground();

        assertThat(notices.problems).singleElement().asString().contains("Could not export the memory samples to", "no-such-folder");
        assertThat(workers.exportingProperty().get()).isFalse();
    }

    private void show() {
        workers.show("fake", deployment.capabilities(), Optional.empty(), deployment.workerMonitor());
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private static double seconds(int afterT0) {
        return T0.plusSeconds(afterT0).toEpochMilli() / 1000.0;
    }
}
