package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.FxmlViews;
import com.intellivision.console.ui.common.FxmlViews.Loaded;
import com.intellivision.console.ui.common.MutableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.controlsfx.control.NotificationPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Alerts tab and the corner's notifications, headless, on a clock the test moves. */
@ExtendWith(ApplicationExtension.class)
class AlertsTabWindowTest {

    private final MutableClock clock = new MutableClock(T0);
    private final AlertsViewModel alerts = new AlertsViewModel(clock, id -> "", id -> "Local pool");
    private final ConsoleEvents events = new ConsoleEvents();
    private final List<String> shownDeployments = new ArrayList<>();
    private AlertsView corner;
    private NotificationPane notices;

    @Start
    void open(Stage stage) {
        // The window tests share one stage; what another left to run on hiding belongs to its own console.
        stage.setOnHiding(null);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        alerts.listenTo(events);
        Loaded<AlertsPanelView> panel = FxmlViews.load("/fxml/alerts/AlertsPanel.fxml");
        Loaded<AlertsView> cornerView = FxmlViews.load("/fxml/alerts/Alerts.fxml");
        corner = cornerView.controller();
        panel.controller().bind(alerts.rulesEditor(), alerts.rules().history(), ZoneOffset.UTC, shownDeployments::add);
        notices = new NotificationPane(panel.root());
        notices.getStyleClass().add("rule-notices");
        notices.setShowFromTop(false);
        corner.bind(alerts, alert -> {}, notices, shownDeployments::add);
        Scene scene = new Scene(new StackPane(notices, cornerView.root()), 1200, 700);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/styles/console.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopTheCornersClock(FxRobot robot) {
        robot.interact(corner::close);
    }

    @Test
    void aLongQueueIsAnAlertOnlyOnceItHasLastedTheHoldTimeAndThenShowsAsANotificationAndInTheList(FxRobot robot) throws Exception {
        TableView<PastAlert> history = robot.lookup(".alert-history").queryTableView();
        // As the window hands on each deployment's queue figures, with the level saved for a remote one.
        robot.interact(() -> alerts.queueChanged("local", new QueueFigures(73, 0, 0, 0, 0, 0), 100));

        clock.advance(Duration.ofSeconds(29));
        robot.interact(alerts::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(history.getItems()).as("29 s of the 30 s hold").isEmpty();
        assertThat(notices.isShowing()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        robot.interact(alerts::refresh);

        assertThat(history.getItems()).singleElement().satisfies(alert -> {
            assertThat(alert.deployment()).isEqualTo("Local pool");
            assertThat(alert.rule()).isEqualTo("Queue longer than 50");
            assertThat(alert.value()).isEqualTo("73 jobs");
            assertThat(alert.at()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(cellTexts(robot)).contains("2025-03-01 10:00:30", "Local pool", "Queue longer than 50", "73 jobs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notices::isShowing);
        assertThat(labelTexts(robot.lookup(".rule-notices .notification-bar").queryAll()))
                .anySatisfy(text -> assertThat(text).startsWith("Queue longer than 50 on Local pool: 73 jobs wait for 30 s; the workers are not keeping up."));
        robot.clickOn("Show deployment");
        assertThat(shownDeployments).as("the notification's button shows its deployment").containsExactly("local");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !notices.isShowing());
        assertThat(alerts.rules().activeProperty().get()).isEqualTo("Queue longer than 50 on Local pool");

        robot.doubleClickOn("Queue longer than 50");
        assertThat(shownDeployments).as("a past alert shows its deployment").containsExactly("local", "local");
    }

    @Test
    void aValueThatIsNoNumberOrNegativeIsRefusedInItsFieldWithTheReasonAndAGoodOneApplies(FxRobot robot) {
        TextField threshold = robot.lookup("#rule-QUEUE_LENGTH-threshold").queryAs(TextField.class);
        TextField hold = robot.lookup("#rule-QUEUE_LENGTH-hold").queryAs(TextField.class);
        Label problem = robot.lookup("#rule-QUEUE_LENGTH-problem").queryAs(Label.class);
        assertThat(threshold.getText()).isEqualTo("50");

        retype(robot, threshold, "ten");
        assertThat(problem.getText()).isEqualTo("'ten' is not a number.");
        assertThat(threshold.getPseudoClassStates()).extracting(Object::toString).contains("danger");
        assertThat(alerts.rules().rule(Kind.QUEUE_LENGTH).threshold()).as("kept").isEqualTo(50);

        retype(robot, threshold, "-5");
        assertThat(problem.getText()).isEqualTo("Cannot be negative.");

        retype(robot, threshold, "10");
        assertThat(problem.getText()).isEmpty();
        assertThat(threshold.getPseudoClassStates()).extracting(Object::toString).doesNotContain("danger");
        assertThat(alerts.rules().rule(Kind.QUEUE_LENGTH).threshold()).isEqualTo(10);

        retype(robot, hold, "1.5");
        assertThat(problem.getText()).isEqualTo("Whole seconds only, such as 30.");
        retype(robot, hold, "0");
        assertThat(alerts.rules().rule(Kind.QUEUE_LENGTH).holdSeconds()).isZero();

        robot.clickOn("#rule-QUEUE_LENGTH-enabled");
        assertThat(alerts.rules().rule(Kind.QUEUE_LENGTH).enabled()).isFalse();
    }

    /** Selects what the field holds and types {@code text} over it, key by key. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".alert-history .table-cell").queryAll().stream()
                .map(cell -> ((javafx.scene.control.Labeled) cell).getText()).filter(Objects::nonNull).toList();
    }

    private static List<String> labelTexts(Set<Node> roots) {
        List<String> texts = new ArrayList<>();
        for (Node root : roots) {
            if (root instanceof javafx.scene.Parent parent) {
                parent.lookupAll(".label").forEach(node -> texts.add(((Label) node).getText()));
            }
        }
        return texts;
    }
}
