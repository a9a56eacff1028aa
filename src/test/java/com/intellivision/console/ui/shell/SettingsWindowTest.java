package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.intellivision.console.deployment.FixedCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.ui.settings.ConsoleSettings;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import com.intellivision.console.ui.settings.LocalPoolSettings;
import com.intellivision.console.ui.settings.SettingsFile;
import com.intellivision.console.ui.settings.SettingsView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings menu on the real window: a theme chosen there applies at once and is kept, with the window's size, for the next start. */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {

    @TempDir
    Path temp;

    private ConsoleSession session;
    private Stage stage;
    private SettingsFile file;
    private LocalDeployment pool;

    @Start
    void openConsole(Stage shown) {
        stage = shown;
        file = SettingsFile.in(temp.resolve("data"));
        pool = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        session = ConsoleSession.open(stage, new FixedCatalog(List.of(pool)), address -> {}, file, ConsoleSettings.DEFAULTS.withTheme(Theme.LIGHT));
    }

    @AfterEach
    void closeConsole(FxRobot robot) {
        robot.interact(stage::hide);
        robot.interact(session::closeView);
        session.closeDeployment();
    }

    @Test
    void aThemeChosenInTheMenuAppliesAtOnceAndIsKeptWithTheWindowForTheNextStart(FxRobot robot) throws Exception {
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(SettingsView.DARK_CLASS);

        robot.clickOn("#settingsButton").clickOn("Dark");

        assertThat(stage.getScene().getRoot().getStyleClass()).contains(SettingsView.DARK_CLASS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> file.load().theme() == Theme.DARK);

        robot.interact(stage::hide);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> file.load().hasWindowSize());
        ConsoleSettings kept = file.load();
        assertThat(kept.theme()).isEqualTo(Theme.DARK);
        assertThat(kept.lastDeployment()).isEqualTo("local");
        assertThat(kept.windowWidth()).isEqualTo(stage.getWidth());
        robot.interact(() -> SettingsView.apply(false, null));
    }

    @Test
    void theLocalPoolsSettingsAreCheckedAsTypedAndKeptForTheNextStart(FxRobot robot) throws Exception {
        robot.clickOn("#settingsButton").clickOn("Local pool…");
        robot.interact(() -> robot.lookup("#workersField").queryTextInputControl().setText("99"));

        assertThat(robot.lookup("#saveLocalPoolButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#localPoolProblem").queryLabeled().getText()).contains("1 to 64");

        robot.interact(() -> {
            robot.lookup("#workersField").queryTextInputControl().setText("3");
            robot.lookup("#hardLimitField").queryTextInputControl().setText("3000");
        });
        robot.clickOn("#saveLocalPoolButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> file.load().localPool().workers() == 3);
        assertThat(file.load().localPool()).isEqualTo(new LocalPoolSettings(3, 1024, 3000));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(node -> node instanceof Labeled label
                && label.getText() != null && label.getText().contains("Kept the local pool's settings: 3 workers")).tryQuery().isPresent());
    }

    @Test
    void alertRulesInTheMenuShowTheAlertsTabWhereTheRulesAreEdited(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Jobs");

        robot.clickOn("#settingsButton").clickOn("Alert rules…");

        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Alerts");
    }

    @Test
    void theTabShownAndTheSplitBetweenJobsAndPreviewAreKeptAndComeBackAtTheNextStart(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#workArea").queryAs(SplitPane.class).setDividerPositions(0.4));
        robot.clickOn("Queue");

        robot.interact(stage::hide);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "queueTab".equals(file.load().layout().tab()));
        assertThat(file.load().layout().splitPosition()).isCloseTo(0.4, within(0.01));

        robot.interact(session::closeView);
        robot.interact(() -> session = ConsoleSession.open(stage, new FixedCatalog(List.of(pool)), address -> {}, file, file.load()));

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("queueTab");
        robot.clickOn("Jobs");
        assertThat(robot.lookup("#workArea").queryAs(SplitPane.class).getDividerPositions()[0]).isCloseTo(0.4, within(0.02));
    }
}
