package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.ui.common.FakeDeployment;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the workspace holds never reaches past the window: alert cards laid out wider or taller than
 * there is room would change the bounds of the whole window, and the renderer repaints all of it
 * each time they do.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBoundsTest {

    private ConsoleSession session;
    private Stage stage;

    @Start
    void openConsole(Stage shown) {
        stage = shown;
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(new FakeDeployment())), address -> {});
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void cardsTooLargeForTheCornerLeaveTheWindowsBoundsAsTheyWere(FxRobot robot) {
        Bounds before = HeadlessConsole.onFx(() -> stage.getScene().getRoot().getBoundsInLocal());
        VBox stack = robot.lookup(".alerts").queryAs(VBox.class);

        robot.interact(() -> {
            for (int i = 0; i < 80; i++) {
                stack.getChildren().add(new Label("a line far longer than the corner has room for ".repeat(20)));
            }
        });
        robot.interact(() -> stage.getScene().getRoot().layout());

        Bounds after = HeadlessConsole.onFx(() -> stage.getScene().getRoot().getBoundsInLocal());
        double wanted = HeadlessConsole.onFx(() -> stack.prefHeight(-1));
        assertThat(wanted).as("the height the cards ask for").isGreaterThan(stage.getScene().getHeight());
        assertThat(after).isEqualTo(before);
    }
}
