package com.intellivision.console.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.intellivision.console.ui.preview.ZoomViewModel.Placement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fit, 1:1, zooming around the pointer and panning, on a 1600 × 900 frame in an 800 × 450 pane. */
class ZoomViewModelTest {

    private final ZoomViewModel zoom = new ZoomViewModel();

    @BeforeEach
    void showAFrame() {
        zoom.resizePane(800, 450);
        zoom.showImage(1600, 900);
    }

    @Test
    void aNewImageIsFittedWhole() {
        assertThat(zoom.fittedProperty().get()).isTrue();
        assertThat(placement()).isEqualTo(new Placement(0, 0, 1600, 900, 0.5));
        assertThat(placement().shownWidth()).isEqualTo(800);
        assertThat(zoom.zoomTextProperty().get()).isEqualTo("50 %");
        assertThat(zoom.pannableProperty().get()).isFalse();
    }

    @Test
    void actualSizeShowsOnePixelPerPixelAroundWhatWasInTheMiddle() {
        zoom.actualSize();

        assertThat(zoom.fittedProperty().get()).isFalse();
        assertThat(placement()).isEqualTo(new Placement(400, 225, 800, 450, 1));
        assertThat(zoom.zoomTextProperty().get()).isEqualTo("100 %");
        assertThat(zoom.pannableProperty().get()).isTrue();
    }

    @Test
    void theWheelZoomsAroundThePointerKeepingThePointUnderIt() {
        assertThat(zoom.imageX(200)).isEqualTo(400);
        assertThat(zoom.imageY(100)).isEqualTo(200);

        zoom.zoomAt(2, 200, 100);

        assertThat(zoom.scale()).isEqualTo(1);
        assertThat(zoom.imageX(200)).isCloseTo(400, within(1e-9));
        assertThat(zoom.imageY(100)).isCloseTo(200, within(1e-9));
        assertThat(placement()).isEqualTo(new Placement(200, 100, 800, 450, 1));

        zoom.zoomAt(ZoomViewModel.STEP, 200, 100);
        assertThat(zoom.imageX(200)).isCloseTo(400, within(1e-9));
        assertThat(zoom.zoomTextProperty().get()).isEqualTo("125 %");
    }

    @Test
    void zoomingNearAnEdgeKeepsTheImageAgainstIt() {
        zoom.zoomAt(4, 0, 0);

        assertThat(placement()).isEqualTo(new Placement(0, 0, 400, 225, 2));
    }

    @Test
    void dragsPanButNeverPastTheImagesEdges() {
        zoom.actualSize();

        zoom.panBy(100, 50);
        assertThat(placement()).isEqualTo(new Placement(300, 175, 800, 450, 1));

        zoom.panBy(10_000, -10_000);
        assertThat(placement()).isEqualTo(new Placement(0, 450, 800, 450, 1));
    }

    @Test
    void aFittedImageCannotBePanned() {
        zoom.panBy(300, 300);

        assertThat(placement()).isEqualTo(new Placement(0, 0, 1600, 900, 0.5));
    }

    @Test
    void zoomStopsAtTheWholeImageAndAt1600Percent() {
        zoom.actualSize();
        for (int i = 0; i < 20; i++) {
            zoom.zoomOut();
        }
        assertThat(placement()).isEqualTo(new Placement(0, 0, 1600, 900, 0.5));

        for (int i = 0; i < 40; i++) {
            zoom.zoomIn();
        }
        assertThat(zoom.scale()).isEqualTo(ZoomViewModel.MAX_SCALE);
        assertThat(zoom.zoomTextProperty().get()).isEqualTo("1600 %");
        assertThat(placement().width()).isEqualTo(50);
    }

    @Test
    void fitAfterZoomingShowsTheWholeImageAgain() {
        zoom.zoomAt(3, 700, 400);
        zoom.fit();

        assertThat(zoom.fittedProperty().get()).isTrue();
        assertThat(placement()).isEqualTo(new Placement(0, 0, 1600, 900, 0.5));
    }

    @Test
    void aFittedImageFollowsThePanesSizeAndAZoomedOneKeepsItsScaleAndCentre() {
        zoom.resizePane(1600, 900);
        assertThat(zoom.scale()).isEqualTo(1);

        zoom.resizePane(800, 450);
        zoom.actualSize();
        zoom.resizePane(400, 450);

        assertThat(placement()).isEqualTo(new Placement(600, 225, 400, 450, 1));
    }

    @Test
    void anImageNarrowerThanThePaneIsCentredAndThePointerBesideItZoomsFromItsEdge() {
        zoom.resizePane(800, 800);
        assertThat(placement()).isEqualTo(new Placement(0, 0, 1600, 900, 0.5));
        assertThat(zoom.imageY(175)).as("the image's top edge, below a band of pane").isEqualTo(0);

        zoom.zoomAt(2, 400, 50);

        assertThat(placement().y()).isEqualTo(0);
        assertThat(placement().height()).isEqualTo(800);
    }

    @Test
    void aSmallImageIsEnlargedToFitAndZoomsOutNoFurtherThanActualSize() {
        zoom.showImage(200, 100);
        assertThat(zoom.zoomTextProperty().get()).isEqualTo("400 %");

        for (int i = 0; i < 20; i++) {
            zoom.zoomOut();
        }
        assertThat(placement()).isEqualTo(new Placement(0, 0, 200, 100, 1));
    }

    @Test
    void aNewImageIsFittedAgainAndNoImageOrNoRoomPlacesNothing() {
        zoom.actualSize();
        zoom.showImage(640, 480);
        assertThat(zoom.fittedProperty().get()).isTrue();
        assertThat(placement().scale()).isCloseTo(450.0 / 480, within(1e-9));

        zoom.showImage(0, 0);
        assertThat(placement()).isNull();
        assertThat(zoom.zoomTextProperty().get()).isEmpty();

        zoom.showImage(640, 480);
        zoom.resizePane(0, 0);
        assertThat(placement()).isNull();
    }

    private Placement placement() {
        return zoom.placementProperty().get();
    }
}
