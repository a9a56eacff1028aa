package com.intellivision.console.ui.alerts;

import java.util.List;

/**
 * Loads, on a background thread, the classes the first rule notification needs. Left to the moment it
 * pops up, reading and defining them from their jars holds the FX thread for some 20 ms on top of
 * building the popup, a visible hitch; loaded ahead, only the building is left.
 */
final class NotificationClasses {

    private static final List<String> NAMES = List.of(
            "org.controlsfx.control.Notifications$NotificationPopupHandler",
            "org.controlsfx.control.Notifications$NotificationPopupHandler$1",
            "org.controlsfx.control.Notifications$NotificationPopupHandler$CustomTransition",
            "org.controlsfx.control.Notifications$1",
            "impl.org.controlsfx.skin.NotificationBar",
            "impl.org.controlsfx.skin.NotificationBar$1",
            "org.controlsfx.control.NotificationPane",
            "org.controlsfx.control.action.Action",
            "org.controlsfx.control.action.ActionUtils",
            "impl.org.controlsfx.i18n.SimpleLocalizedStringProperty",
            "javafx.animation.ParallelTransition",
            "javafx.stage.Popup",
            "javafx.scene.control.ButtonBar",
            "javafx.scene.control.skin.ButtonBarSkin",
            "javafx.scene.control.skin.ButtonBarSkin$Spacer",
            "javafx.scene.control.CheckMenuItem",
            "javafx.scene.control.RadioButton",
            "javafx.scene.layout.GridPane$Interval");

    /** Starts loading them; names a newer library no longer has are skipped. Initialising stays with first use. */
    static void loadAhead() {
        Thread loader = new Thread(NotificationClasses::load, "notification-classes");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
    }

    private static void load() {
        ClassLoader classes = NotificationClasses.class.getClassLoader();
        for (String name : NAMES) {
            try {
                Class.forName(name, false, classes);
            } catch (ClassNotFoundException | LinkageError gone) {
                // Only a head start: the notification loads what it needs when it shows.
            }
        }
    }

    private NotificationClasses() {}
}
