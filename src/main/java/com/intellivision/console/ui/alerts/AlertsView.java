package com.intellivision.console.ui.alerts;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.alerts.AlertsViewModel.Alert;
import com.intellivision.console.ui.alerts.AlertsViewModel.Kind;
import com.intellivision.console.ui.common.Children;
import com.intellivision.console.ui.common.NextPulse;
import java.util.ArrayList;
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
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The alerts in the window's corner, as cards: an icon and colour per kind, a title, a line of detail.
 * Clicking an alert about a job opens that job; the cross dismisses it. A clock lets waiting alerts
 * through and old ones go, and lets the alert rules judge how long their conditions have lasted. What
 * a rule raises pops up as a ControlsFX notification over the window's bottom-right corner.
 */
public final class AlertsView {

    private static final Duration TICK = Duration.millis(250);
    private static final Duration NOTIFIED_FOR = Duration.seconds(12);
    /** The style class of a rule's notification, which console.css gives the theme's colours. */
    public static final String NOTIFICATION_CLASS = "console-notification";

    @FXML private VBox stack;

    private final Map<Long, Node> cards = new HashMap<>();
    private Timeline clock;

    /**
     * @param open shows what an alert is about when it is clicked: its job, or its deployment
     * @param showDeployment shows the deployment a rule's notification is about when it is clicked
     */
    public void bind(AlertsViewModel viewModel, Consumer<Alert> open, Consumer<String> showDeployment) {
        viewModel.shown().addListener((ListChangeListener<Alert>) change -> show(viewModel, open));
        // A popup is a window of its own to build and style: it waits for the pulse after the one that
        // takes in the events and redraws the alerts panel, so that the two costs are not paid at once.
        List<PastAlert> fired = new ArrayList<>();
        NextPulse notifying = new NextPulse(() -> {
            List<PastAlert> due = List.copyOf(fired);
            fired.clear();
            due.forEach(alert -> notifyOf(alert, showDeployment));
        });
        viewModel.rules().onFired(alert -> {
            fired.add(alert);
            notifying.request();
        });
        NotificationClasses.loadAhead();
        clock = new Timeline(new KeyFrame(TICK, tick -> viewModel.refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /** A rule's alert pops up over the window's bottom-right corner, in the theme's colours. */
    private void notifyOf(PastAlert alert, Consumer<String> showDeployment) {
        Window window = stack.getScene() == null ? null : stack.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        FontIcon icon = new FontIcon("fth-bell");
        icon.getStyleClass().add("notification-icon");
        Notifications.create()
                .owner(window)
                .position(Pos.BOTTOM_RIGHT)
                .title(AlertWording.title(alert))
                .text(alert.message())
                .graphic(icon)
                .styleClass(NOTIFICATION_CLASS)
                .hideAfter(NOTIFIED_FOR)
                .onAction(click -> showDeployment.accept(alert.deploymentId()))
                .show();
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
