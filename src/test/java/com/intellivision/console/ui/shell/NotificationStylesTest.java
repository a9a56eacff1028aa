package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.ui.common.FakeDeployment;
import java.util.List;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's first notification leaves its style sheets as they were: ControlsFX adds its own to
 * the owner's scene when missing, which would restyle the whole window (jobs table and all) at once.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationStylesTest {

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
    void theFirstNotificationDoesNotChangeTheWindowsStyleSheets(FxRobot robot) {
        List<String> before = List.copyOf(stage.getScene().getStylesheets());

        robot.interact(() -> Notifications.create().owner(stage).title("Queue longer than 50").text("51 jobs waiting").show());

        assertThat(robot.lookup(".notification-bar").queryAll()).isNotEmpty();
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(before);
    }
}
