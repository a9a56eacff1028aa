package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.testsupport.SampleVideos;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting people in real videos, in this process: the first 20 seconds of {@code vtest.avi}, and broken videos. */
class PeopleCounterTest {

    /** HOG on every sample's whole frame, so that a sample's boxes are what {@link HogDetector} finds in it. */
    static final CountParams WHOLE_FRAMES = CountParams.defaults().withMotionRegions(false);

    @TempDir
    static Path temp;

    static Path opening;
    static PeopleCountResult openingCount;
    static Path openingImage;
    static List<ProgressDetails> openingProgress = new ArrayList<>();
    static double openingSeconds;

    @BeforeAll
    static void countTheOpeningOfVtest() throws Exception {
        opening = SampleVideos.vtestOpening(temp.resolve("vtest-20s.avi"), 20);
        openingImage = temp.resolve("out/opening.png");
        long started = System.nanoTime();
        openingCount = new PeopleCounter().count(local(opening), WHOLE_FRAMES, openingImage,
                (percentage, stage, details) -> {
                    if (details != null) {
                        openingProgress.add(details);
                    }
                });
        openingSeconds = (System.nanoTime() - started) / 1e9;
    }

    /**
     * Nine people cross the square in these 20 seconds, counted by eye on frames a second apart: a man on
     * the grass, a man coming down the path, a man in black from the right (the three stop to talk by the
     * signpost), a man in a red and blue jacket and a fair-haired woman walking together, a grey-haired
     * man, a walker in a white hood, a man in a striped jumper, and a walker far up the top path, some 30
     * pixels tall, whom HOG cannot see. So 8 can be found. Two things make the count higher, never lower:
     * someone hidden behind the signpost or the group for more than 3 seconds is counted again on
     * stepping out, and for a moment HOG can box two people standing together as a third (at 1.5 s).
     * Allowing each for up to two people gives 8 to 12.
     */
    @Test
    void countsTheDifferentPeopleOfTheFirstTwentySecondsOfVtest() {
        assertThat(openingCount.personCount()).isBetween(8, 12);
        assertThat(openingCount.rawTrackCount()).as("every track, confirmed or not").isGreaterThanOrEqualTo(openingCount.personCount());
        assertThat(openingCount.fps()).isEqualTo(2.0);
        assertThat(openingCount.detectionStrategies()).containsExactly("hog");
        assertThat(openingCount.framesProcessed()).isEqualTo(40);
        assertThat(openingCount.timeline()).hasSize(40);
        assertThat(openingCount.timeline().get(1).timestamp()).isEqualTo(0.5);
        assertThat(openingCount.timeline()).as("each sample's people boxed").allSatisfy(sample ->
                assertThat(sample.boxes()).hasSize(sample.count()));
        assertThat(openingCount.timeline().get(39).timestamp()).isEqualTo(19.5);
        assertThat(openingCount.timeline()).extracting(PeopleCountResult.Sample::count).allSatisfy(count -> assertThat(count).isBetween(2, 9));
        assertThat(openingCount.alerts()).isEmpty();
        assertThat(openingCount.width()).isEqualTo(768);
        assertThat(openingCount.height()).isEqualTo(576);
        assertThat(openingCount.processingTime()).isPositive();
    }

    /** Looking only where something moves (the default) sees about what whole frames do, in fewer pixels. */
    @Test
    void motionRegionsCountAboutTheSamePeopleAsWholeFrames() throws Exception {
        List<ProgressDetails> progress = new ArrayList<>();
        PeopleCountResult motion = new PeopleCounter().count(local(opening), CountParams.defaults(), temp.resolve("out/motion.png"),
                (percentage, stage, details) -> {
                    if (details != null) {
                        progress.add(details);
                    }
                });

        assertThat(motion.detectionStrategies()).startsWith("hog", MotionRestrictedDetector.STRATEGY);
        assertThat(motion.personCount()).isBetween(openingCount.personCount() - 1, openingCount.personCount() + 1);
        assertThat(motion.timeline()).hasSameSizeAs(openingCount.timeline());
        long withinOne = java.util.stream.IntStream.range(0, motion.timeline().size())
                .filter(i -> Math.abs(motion.timeline().get(i).count() - openingCount.timeline().get(i).count()) <= 1).count();
        // The group by the signpost is where they differ most: a region's edge near someone HOG missed the sample before.
        assertThat(withinOne).as("samples within one person of whole frames' count").isGreaterThanOrEqualTo(34);
        assertThat(progress).as("progress still reported").isNotEmpty().extracting(ProgressDetails::processedFrames).isSorted();
    }

    @Test
    void reportsFramesDoneAndToDoAtMostFourTimesASecond() {
        assertThat(openingProgress).isNotEmpty();
        assertThat(openingProgress).extracting(ProgressDetails::totalFrames).containsOnly(40L);
        assertThat(openingProgress).extracting(ProgressDetails::processedFrames).isSorted().doesNotHaveDuplicates();
        assertThat(openingProgress.get(0).processedFrames()).isEqualTo(1);
        assertThat(openingProgress).allSatisfy(details -> assertThat(details.currentFps()).isNotNull());
        assertThat(openingProgress.size()).isLessThanOrEqualTo((int) Math.ceil(openingSeconds * 4) + 1);
    }

    @Test
    void drawsABoxAroundEveryPersonFoundInTheBusiestFrame() throws Exception {
        BufferedImage annotated = ImageIO.read(openingImage.toFile());
        double at = openingCount.annotatedTimestamp();
        List<Box> found;
        BufferedImage source;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(opening.toString());
                OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
                Java2DFrameConverter toImage = new Java2DFrameConverter();
                HogDetector detector = new HogDetector(HogSettings.DEFAULT)) {
            grabber.start();
            grabber.setTimestamp(Math.round(at * 1_000_000));
            Frame frame = grabber.grabImage();
            found = detector.detect(toMat.convert(frame)).stream().map(Detection::box).toList();
            source = toImage.convert(frame);
        }

        assertThat(openingCount.timeline()).as("the busiest frame").filteredOn(sample -> sample.timestamp() == at)
                .singleElement().extracting(PeopleCountResult.Sample::count).isEqualTo(found.size());
        assertThat(found).as("people at %s s", at).hasSizeGreaterThanOrEqualTo(5);
        assertThat(openingCount.sampleAt(at).boxes()).as("the busiest sample's boxes, as drawn")
                .extracting(box -> new Box(box.x(), box.y(), box.width(), box.height())).containsExactlyInAnyOrderElementsOf(found);
        assertThat(boxColouredPixels(source)).as("magenta in the video itself").isZero();
        for (Box person : found.stream().filter(box -> box.y() >= 0).toList()) {
            int left = Math.max(0, person.x());
            int right = Math.min(annotated.getWidth(), person.right());
            assertThat(boxColouredPixels(annotated, person.y(), left, right)).as("the top edge of the box at %s", person)
                    .isGreaterThanOrEqualTo((right - left) * 3 / 4);
        }
    }

    @Test
    void takesEveryFrameItIsAskedForAtLowRatesBySeeking() throws Exception {
        PeopleCountResult everyTwentySeconds = new PeopleCounter().count(local(SampleVideos.vtest()), new CountParams(0.05, null, 5),
                temp.resolve("out/sparse.png"), Progress.NONE);

        assertThat(everyTwentySeconds.timeline()).extracting(PeopleCountResult.Sample::timestamp).containsExactly(0.0, 20.0, 40.0, 60.0);
        assertThat(everyTwentySeconds.timeline()).extracting(PeopleCountResult.Sample::count).containsExactly(3, 7, 3, 4);
        assertThat(everyTwentySeconds.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.message()).isEqualTo("7 people in view at 00:00:20, more than the alert threshold of 5.");
            assertThat(alert.timestamp()).isEqualTo(20.0);
        });
    }

    @Test
    void analysesEveryFrameOnceWhenAskedForMoreThanTheVideoHas() throws Exception {
        Path tenASecond = com.intellivision.console.testsupport.TestVideos.writeFrameCodedVideo(temp.resolve("ten.mp4"), 2, 10, 160, 90);

        PeopleCountResult count = new PeopleCounter().count(local(tenASecond), new CountParams(25.0, null, null), temp.resolve("out/ten.png"),
                Progress.NONE);

        assertThat(count.fps()).as("the rate actually used").isEqualTo(10.0);
        assertThat(count.timeline()).hasSize(20).extracting(PeopleCountResult.Sample::timestamp).doesNotHaveDuplicates();
    }

    @Test
    void goesOnPastADamagedStretchAndSaysWhere() throws Exception {
        Path damaged = SampleVideos.damagedInTheMiddle(temp.resolve("damaged.mp4"), 8);

        PeopleCountResult count = new PeopleCounter().count(local(damaged), CountParams.defaults(), temp.resolve("out/damaged.png"), Progress.NONE);

        assertThat(count.timeline().get(count.timeline().size() - 1).timestamp()).as("counted to the end").isGreaterThanOrEqualTo(7.0);
        assertThat(count.alerts()).anySatisfy(alert -> {
            assertThat(alert.message()).startsWith("The video is damaged between 00:00:0").contains("FFmpeg: ")
                    .endsWith("People seen only there may be missed.");
            assertThat(alert.timestamp()).isBetween(2.0, 5.0);
        });
        assertThat(count.alerts()).anySatisfy(alert -> assertThat(alert.message()).isEqualTo("No people were detected in the video."));
    }

    @Test
    void countsACutShortVideoAsFarAsItGoesAndSaysWhereItStops() throws Exception {
        Path cutShort = SampleVideos.cutShort(temp.resolve("cut-short.mp4"), 10);

        PeopleCountResult count = new PeopleCounter().count(local(cutShort), CountParams.defaults(), temp.resolve("out/cut.png"), Progress.NONE);

        assertThat(count.timeline()).hasSizeBetween(8, 16);
        assertThat(count.alerts()).anySatisfy(alert -> {
            assertThat(alert.message()).startsWith("The video stops at 00:00:0").contains("although it should last 00:00:10")
                    .endsWith("The file may be incomplete.");
            assertThat(alert.timestamp()).isBetween(4.0, 8.0);
        });
    }

    @Test
    void failsClearlyWhenNoFrameAtAllCanBeDecoded() throws Exception {
        Path garbage = SampleVideos.undecodable(temp.resolve("garbage.mp4"));

        assertThatThrownBy(() -> new PeopleCounter().count(local(garbage), CountParams.defaults(), temp.resolve("out/garbage.png"), Progress.NONE))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("No frame of garbage.mp4 could be decoded")
                .hasMessageEndingWith("Check that it plays in a video player.");
        assertThat(temp.resolve("out/garbage.png")).doesNotExist();
    }

    @Test
    void aFileThatIsNoOnnxModelIsRefusedWithWhatToDo() throws Exception {
        Path notAModel = Files.writeString(temp.resolve("person.onnx"), "these are not the weights you are looking for");

        assertThatThrownBy(() -> new PeopleCounter().count(local(opening), new CountParams(2.0, notAModel.toString(), null),
                temp.resolve("out/model.png"), Progress.NONE))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining(notAModel + " is not an ONNX model OpenCV can load (Failed to parse ONNX model: " + notAModel + ").")
                .hasMessageContaining("or leave the model out to count with the built-in HOG detector");
    }

    @Test
    void stopsBetweenFramesWhenProgressSaysCancelled() {
        List<Double> reported = new ArrayList<>();
        Progress cancelledAfterTheFirstFrame = (percentage, stage, details) -> {
            reported.add(percentage);
            if (details != null) {
                throw new CancellationException("cancelled");
            }
        };

        assertThatThrownBy(() -> new PeopleCounter().count(local(opening), CountParams.defaults(), temp.resolve("out/cancelled.png"),
                cancelledAfterTheFirstFrame)).isInstanceOf(CancellationException.class);
        assertThat(temp.resolve("out/cancelled.png")).doesNotExist();
    }

    private static VideoSource local(Path video) {
        return new VideoSource(video.toString(), Map.of(), video.getFileName().toString(), "direct");
    }

    /** Pixels of the boxes' colour on one row of the image, from {@code left} up to {@code right}. */
    private static int boxColouredPixels(BufferedImage image, int row, int left, int right) {
        int found = 0;
        for (int x = left; x < right; x++) {
            if ((image.getRGB(x, row) & 0xFFFFFF) == BusiestFrame.BOX_RGB) {
                found++;
            }
        }
        return found;
    }

    private static int boxColouredPixels(BufferedImage image) {
        int found = 0;
        for (int row = 0; row < image.getHeight(); row++) {
            found += boxColouredPixels(image, row, 0, image.getWidth());
        }
        return found;
    }
}
