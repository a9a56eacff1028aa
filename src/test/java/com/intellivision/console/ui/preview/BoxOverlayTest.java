package com.intellivision.console.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.PersonBox;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class BoxOverlayTest {

    @BeforeAll
    static void startJavaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aZoomMovesTheBoxesDrawnAndOnlyOtherPeopleMakeNewOnes() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Pane pane = new Pane();
            ZoomViewModel zoom = new ZoomViewModel();
            ObservableList<PersonBox> people = FXCollections.observableArrayList(new PersonBox(100, 50, 40, 80, 3));
            BoxOverlay.bind(pane, zoom, people);
            assertThat(pane.isVisible()).as("no image placed yet").isFalse();

            zoom.resizePane(400, 200);
            zoom.showImage(800, 400);
            Rectangle outline = (Rectangle) pane.getChildren().get(0);
            assertThat(pane.isVisible()).isTrue();
            assertThat(List.of(outline.getX(), outline.getY(), outline.getWidth(), outline.getHeight()))
                    .as("fitted at half size").containsExactly(50.0, 25.0, 20.0, 40.0);

            List<Node> before = List.copyOf(pane.getChildren());
            zoom.actualSizeAt(0, 0);
            assertThat(pane.getChildren()).as("the same nodes, moved").containsExactlyElementsOf(before);
            assertThat(outline.getWidth()).isEqualTo(40.0);
            assertThat(outline.getX()).isEqualTo(zoom.paneX(100));

            people.setAll(new PersonBox(0, 0, 10, 10, 4), new PersonBox(20, 20, 10, 10, 5));
            assertThat(pane.getChildren()).hasSize(4).doesNotContainAnyElementsOf(before);
        }).get();
    }
}
