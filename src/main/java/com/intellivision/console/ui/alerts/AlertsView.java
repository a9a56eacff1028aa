package com.intellivision.console.ui.alerts;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.alerts.AlertsViewModel.Alert;
import com.intellivision.console.ui.alerts.AlertsViewModel.Kind;
import com.intellivision.console.ui.common.Children;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The alerts in the window's corner, as cards: an icon and colour per kind, a title, a line of detail.
 * Clicking an alert about a job opens that job; the cross dismisses it. A clock lets waiting alerts
 * through and old ones go, and lets the alert rules judge how long their conditions have lasted. What
 * a rule raises shows in {@link RuleNotices}' bar.
 */
public final class AlertsView {

    private static final Duration TICK = Duration.millis(250);

    @FXML private VBox stack;

    private final Map<Long, Node> cards = new HashMap<>();
    private Timeline clock;

    /**
     * @param open shows what an alert is about when it is clicked: its job, or its deployment
     * @param ruleNotices the bar along the bottom of the tabs where what a rule raises is shown
     * @param showDeployment shows the deployment a rule's notification is about when it is clicked
     */
    public void bind(AlertsViewModel viewModel, Consumer<Alert> open, NotificationPane ruleNotices, Consumer<String> showDeployment) {
        viewModel.shown().addListener((ListChangeListener<Alert>) change -> show(viewModel, open));
        RuleNotices notices = new RuleNotices(ruleNotices, showDeployment);
        notices.keepClear(stack);
        viewModel.rules().onFired(notices::fired);
        clock = new Timeline(new KeyFrame(TICK, tick -> viewModel.refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    private void show(AlertsViewModel viewModel, Consumer<Alert> open) {
        cards.keySet().retainAll(viewModel.shown().stream().map(Alert::sequence).toList());
        Children.update(stack.getChildren(), viewModel.shown().stream()
                .map(alert -> cards.computeIfAbsent(alert.sequence(), sequence -> cardOf(alert, viewModel, open)))
                .toList());
    }

    private static Node cardOf(Alert alert, AlertsViewModel viewModel, Consumer<Alert> open) {
        FontIcon icon = new FontIcon(iconOf(alert.kind()));
        icon.getStyleClass().add("alert-icon");
        Label title = new Label(alert.title());
        title.getStyleClass().add("alert-title");
        VBox text = new VBox(title);
        text.getStyleClass().add("alert-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        if (!alert.body().isEmpty()) {
            Label body = new Label(alert.body());
            body.getStyleClass().add("alert-body");
            body.setWrapText(true);
            text.getChildren().add(body);
        }
        Button close = new Button(null, new FontIcon("fth-x"));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "alert-close");
        close.setOnAction(event -> viewModel.dismiss(alert));
        // The click that dismisses must not also open the job.
        close.setOnMouseClicked(Event::consume);

        HBox card = new HBox(icon, text, close);
        card.getStyleClass().addAll("alert-card", "alert-" + alert.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (alert.hasJob() || alert.deploymentId() != null) {
            card.setCursor(Cursor.HAND);
            Tooltip.install(card, new Tooltip(alert.hasJob() ? "Show job #" + alert.job().jobId() : "Show this deployment"));
            card.setOnMouseClicked(event -> {
                open.accept(alert);
                viewModel.dismiss(alert);
            });
        }
        return card;
    }

    private static String iconOf(Kind kind) {
        return switch (kind) {
            case CONNECTION -> "fth-wifi-off";
            case BACKLOG -> "fth-layers";
            case WARNING -> "fth-clock";
            case WORKER_KILLED -> "fth-cpu";
            case DEAD_LETTER -> "fth-alert-octagon";
            case JOB_FAILED -> "fth-x-circle";
            case PROBLEM -> "fth-alert-circle";
            case WORKER_LOST -> "fth-zap-off";
            case DONE -> "fth-check-circle";
        };
    }

    public void close() {
        if (clock != null) {
            clock.stop();
        }
    }
}
