package com.intellivision.console.ui.alerts;

import com.intellivision.console.ui.common.NextPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What an alert rule raises, in ControlsFX's notification bar that slides up along the bottom of the
 * tabs for a while, with a button to the deployment it is about. The bar is part of the window from the
 * start, styled with it: a notification popup would be a window of its own to build, style and move
 * at every frame of its entrance, which holds the FX thread for tens of milliseconds each time.
 */
final class RuleNotices {

    static final Duration SHOWN_FOR = Duration.seconds(12);

    private final NotificationPane pane;
    private final Consumer<String> showDeployment;
    private final PauseTransition hiding = new PauseTransition(SHOWN_FOR);
    private final List<PastAlert> fired = new ArrayList<>();
    /** Shown on the pulse after the events that fired them, which also redraw the alert cards. */
    private final NextPulse showing = new NextPulse(this::showFired);

    RuleNotices(NotificationPane pane, Consumer<String> showDeployment) {
        this.pane = pane;
        this.showDeployment = showDeployment;
        FontIcon bell = new FontIcon("fth-bell");
        bell.getStyleClass().add("notification-icon");
        pane.setGraphic(bell);
        pane.setCloseButtonVisible(true);
        hiding.setOnFinished(done -> pane.hide());
    }

    /** Lifts {@code cards} over the bar while it shows, so that neither hides the other. */
    void keepClear(Node cards) {
        pane.skinProperty().addListener((property, before, skin) -> {
            if (pane.lookup(".notification-bar") instanceof Region bar) {
                cards.translateYProperty().bind(bar.heightProperty().negate());
            }
        });
    }

    void fired(PastAlert alert) {
        fired.add(alert);
        showing.request();
    }

    private void showFired() {
        if (fired.isEmpty()) {
            return;
        }
        PastAlert latest = fired.get(fired.size() - 1);
        int others = fired.size() - 1;
        fired.clear();
        pane.getActions().setAll(new Action("Show deployment", click -> {
            showDeployment.accept(latest.deploymentId());
            pane.hide();
        }));
        pane.setText(text(latest, others));
        pane.show();
        hiding.playFromStart();
    }

    /** The rule and deployment, then what happened; alerts raised at the same moment are counted. */
    static String text(PastAlert alert, int others) {
        String text = AlertWording.title(alert) + ": " + alert.message();
        return others == 0 ? text : text + " (" + others + (others == 1 ? " more alert" : " more alerts") + " in the Alerts tab)";
    }
}
