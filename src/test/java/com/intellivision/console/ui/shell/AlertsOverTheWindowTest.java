package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.ui.common.FakeDeployment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Alerts leave the rest of the window alone. A rule's notification leaves the window's style sheets
 * as they were (ControlsFX's notification popups add their own to the owner's scene, which restyles
 * the whole window, jobs table and all, at once), and lifts the cards clear of its bar. Alert cards never reach past the workspace: cards laid
 * out wider or taller than there is room would change the bounds of the whole window, and the
 * renderer repaints all of it each time they do.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsOverTheWindowTest {

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
    void aRulesNotificationKeepsTheWindowsStyleSheetsAndLiftsTheCardsOverItsBar(FxRobot robot) throws Exception {
        List<String> before = List.copyOf(stage.getScene().getStylesheets());
        NotificationPane notices = robot.lookup(".rule-notices").queryAs(NotificationPane.class);
        VBox cards = robot.lookup(".alerts").queryAs(VBox.class);

        robot.interact(() -> notices.show("Queue longer than 50 on Local pool: 51 jobs wait for 30 s"));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cards.getTranslateY() < -10);
        Region bar = robot.lookup(".rule-notices .notification-bar").queryAs(Region.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cards.getTranslateY() == -bar.getHeight());
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(before);
        assertThat(Window.getWindows()).as("no popup window").noneMatch(PopupWindow.class::isInstance);
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
