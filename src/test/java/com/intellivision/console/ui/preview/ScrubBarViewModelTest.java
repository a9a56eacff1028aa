package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.Storyboard;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.jobs.JobListViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The storyboard scrub bar over real sprite sheets: PNGs made here, 3 columns by 2 rows of 40 × 30
 * tiles, each tile one flat colour, so the test can check that the crop shows the right moment.
 */
public class ScrubBarViewModelTest {

    private static final int COLUMNS = 3;
    private static final int ROWS = 2;
    private static final int TILE_WIDTH = 40;
    private static final int TILE_HEIGHT = 30;
    /** A tile every two seconds: a full sheet covers 12 s, the second (4 tiles) 8 s. */
    private static final double TILES_PER_SECOND = 0.5;

    @TempDir
    Path temp;

    private final FakeDeployment deployment = new FakeDeployment();
    private final JobListViewModel jobs = shownFake(new JobListViewModel(new MutableClock(T0)));
    private final RecordedNotices notices = new RecordedNotices();
    private final List<String> loadedSheets = new ArrayList<>();
    private final Map<String, Image> sheetImages = new HashMap<>();
    private ScrubBarViewModel scrub;
    private String firstSheet;
    private String secondSheet;

    /** Images need the JavaFX toolkit; TestFX starts it headless, as for the window tests. */
    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void makeSheets() throws IOException {
        firstSheet = writeSheet("sheet-0.png", 0);
        secondSheet = writeSheet("sheet-1.png", COLUMNS * ROWS);
        scrub = new ScrubBarViewModel(jobs.selectedRowProperty(), new TaskRunner(Runnable::run, Runnable::run),
                (deploymentId, request) -> deployment.submit(request), (deploymentId, job) -> jobs.select(jobs.apply(deploymentId, job)), notices);
        scrub.tileSheetUrlProperty().addListener((property, before, url) -> {
            if (url != null && !url.equals(before)) {
                loadedSheets.add(url);
            }
        });
    }

    @Test
    void aFrameWithoutAStoryboardHasNoScrubBar() {
        jobs.select(jobs.apply("fake", Jobs.completedFrame(3, T0, T0.plusSeconds(1))));
        assertThat(scrub.availableProperty().get()).isFalse();

        jobs.select(jobs.apply("fake", Jobs.processing(4, T0, T0)));
        assertThat(scrub.availableProperty().get()).isFalse();
    }

    @Test
    void theBarSpansTheStoryboardAndStartsAtTheFrame() {
        jobs.select(jobs.apply("fake", frameWithStoryboard(5, 7.25)));

        assertThat(scrub.availableProperty().get()).isTrue();
        assertThat(scrub.durationProperty().get()).isEqualTo(20.0);
        assertThat(scrub.positionProperty().get()).isEqualTo(7.25);
        assertThat(scrub.positionTextProperty().get()).isEqualTo("00:00:07.300");
        assertThat(scrub.peekingProperty().get()).as("no tile until someone points at the bar").isFalse();
    }

    @Test
    void hoveringShowsTheTileOfThatMomentCutFromItsSheet() {
        jobs.select(jobs.apply("fake", frameWithStoryboard(5, 1)));

        scrub.hover(5);
        assertThat(scrub.peekingProperty().get()).isTrue();
        assertTile(firstSheet, new Rectangle2D(80, 0, TILE_WIDTH, TILE_HEIGHT), 2);
        assertThat(scrub.momentTextProperty().get()).isEqualTo("00:00:05");
        assertThat(scrub.positionProperty().get()).as("hovering does not move the knob").isEqualTo(1.0);

        scrub.hover(13);
        assertTile(secondSheet, new Rectangle2D(0, 0, TILE_WIDTH, TILE_HEIGHT), 6);

        scrub.hover(19.5);
        assertTile(secondSheet, new Rectangle2D(0, 30, TILE_WIDTH, TILE_HEIGHT), 9);

        scrub.hoverEnded();
        assertThat(scrub.peekingProperty().get()).isFalse();
        assertTile(firstSheet, new Rectangle2D(0, 0, TILE_WIDTH, TILE_HEIGHT), 0);
    }

    @Test
    void draggingShowsTheKnobsMomentAndEachSheetIsLoadedOnce() {
        jobs.select(jobs.apply("fake", frameWithStoryboard(5, 1)));
        scrub.setDragging(true);

        for (double seconds = 0; seconds < 20; seconds += 0.5) {
            scrub.positionProperty().set(seconds);
        }
        scrub.positionProperty().set(11);

        assertThat(scrub.peekingProperty().get()).isTrue();
        assertTile(firstSheet, new Rectangle2D(80, 30, TILE_WIDTH, TILE_HEIGHT), 5);
        assertThat(new java.util.LinkedHashSet<>(loadedSheets)).as("the sheets the moments were on").containsExactly(firstSheet, secondSheet);
    }

    @Test
    void extractThisFrameSubmitsAFrameJobAtTheKnobAndSelectsIt() {
        jobs.select(jobs.apply("fake", frameWithStoryboard(5, 1)));
        deployment.onSubmit = request -> Jobs.pending(6, T0.plusSeconds(10));

        scrub.positionProperty().set(13.37);
        scrub.extractFrame();

        assertThat(deployment.submitted).hasSize(1);
        JobRequest request = deployment.submitted.get(0);
        assertThat(request.type()).isEqualTo(JobType.YOUTUBE_FRAME_EXTRACTION);
        assertThat(request.url()).isEqualTo("https://youtu.be/clip5");
        assertThat(request.frameParams()).isEqualTo(FrameParams.at(13.4));
        assertThat(jobs.selectedRowProperty().get().id()).isEqualTo(6);
        assertThat(scrub.extractingProperty().get()).isFalse();
        assertThat(scrub.availableProperty().get()).as("the new job has no frame yet").isFalse();
    }

    @Test
    void aRefusedExtractionIsReported() {
        jobs.select(jobs.apply("fake", frameWithStoryboard(5, 1)));
        deployment.onSubmit = request -> {
            throw new IllegalStateException("the pool is shutting down");
        };

        scrub.positionProperty().set(4);
        scrub.extractFrame();

        assertThat(notices.problems).containsExactly("Could not extract the frame at 00:00:04: the pool is shutting down");
        assertThat(scrub.extractingProperty().get()).isFalse();
    }

    private void assertTile(String sheetUrl, Rectangle2D viewport, int tileNumber) {
        assertThat(scrub.tileSheetUrlProperty().get()).isEqualTo(sheetUrl);
        Image sheet = sheetImages.computeIfAbsent(sheetUrl, Image::new);
        assertThat(sheet.isError()).isFalse();
        assertThat(scrub.tileViewportProperty().get()).isEqualTo(viewport);
        int centre = sheet.getPixelReader().getArgb((int) viewport.getMinX() + TILE_WIDTH / 2, (int) viewport.getMinY() + TILE_HEIGHT / 2);
        assertThat(centre & 0xFFFFFF).as("the colour of tile %d", tileNumber).isEqualTo(colourOf(tileNumber));
    }

    private Job frameWithStoryboard(long id, double timestamp) {
        Storyboard board = new Storyboard(List.of(new Storyboard.Sheet(firstSheet, 12), new Storyboard.Sheet(secondSheet, 8)),
                ROWS, COLUMNS, TILE_WIDTH, TILE_HEIGHT, TILES_PER_SECOND);
        ObjectNode results = JobJson.mapper().createObjectNode()
                .put("frame_url", "file:/tmp/frames/" + id + ".png")
                .put("width", 1280)
                .put("height", 720)
                .put("timestamp", timestamp)
                .put("method", "stream_seek");
        results.set("storyboard", JobJson.mapper().valueToTree(board));
        return Jobs.job(id, JobStatus.COMPLETED, T0, T0.plusSeconds(1), results, null);
    }

    /** A sheet whose tiles are numbered from {@code firstTile}, each filled with that number's colour. */
    private String writeSheet(String name, int firstTile) throws IOException {
        BufferedImage sheet = new BufferedImage(COLUMNS * TILE_WIDTH, ROWS * TILE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int index = 0; index < COLUMNS * ROWS; index++) {
            int x0 = index % COLUMNS * TILE_WIDTH;
            int y0 = index / COLUMNS * TILE_HEIGHT;
            for (int y = y0; y < y0 + TILE_HEIGHT; y++) {
                for (int x = x0; x < x0 + TILE_WIDTH; x++) {
                    sheet.setRGB(x, y, colourOf(firstTile + index));
                }
            }
        }
        Path file = temp.resolve(name);
        ImageIO.write(sheet, "png", file.toFile());
        return file.toUri().toString();
    }

    private static int colourOf(int tile) {
        return (tile * 20 + 10) << 16 | (200 - tile * 15) << 8 | (tile * 37 % 256);
    }

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
