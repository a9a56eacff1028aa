package com.intellivision.console.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts, in one place so no two actions share one, and each shown in its
 * control's tooltip. Ctrl stands for Cmd on macOS.
 */
public final class Shortcuts {

    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination RETRY = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination RETRY_WITH_CHANGES = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);
    public static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.DELETE);
    public static final KeyCombination COPY_LINK = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination RETRY_ALL = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination CANCEL_ALL = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_FIT = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_ACTUAL = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);

    /** Where a scene keeps the buttons that share keys, each pressed only while it is on screen. */
    private static final String SHARED_KEYS = Shortcuts.class.getName() + ".shared";

    private Shortcuts() {}

    /** Runs {@code action} on {@code keys} anywhere in the window {@code node} is shown in. */
    public static void install(Node node, KeyCombination keys, Runnable action) {
        if (node.getScene() != null) {
            node.getScene().getAccelerators().put(keys, action);
        }
        node.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.getAccelerators().remove(keys);
            }
            if (scene != null) {
                scene.getAccelerators().put(keys, action);
            }
        });
    }

    /** Presses {@code button} on {@code keys}, as a click would: only while it is shown and enabled. */
    public static void press(Button button, KeyCombination keys) {
        install(button, keys, () -> {
            if (button.isVisible() && !button.isDisabled()) {
                button.fire();
            }
        });
        Tooltip tooltip = button.getTooltip();
        if (tooltip != null && !tooltip.textProperty().isBound()) {
            tooltip.setText(withKeys(tooltip.getText(), keys));
        }
    }

    /**
     * Presses {@code button} on {@code keys} while it is on screen (it and every parent visible) and
     * enabled. Several buttons may share the keys, such as the zoom buttons of images in different
     * faces of one pane: the one on screen is pressed.
     */
    public static void pressShown(Button button, KeyCombination keys) {
        if (button.getScene() != null) {
            share(button.getScene(), keys).add(button);
        }
        button.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                share(before, keys).remove(button);
            }
            if (scene != null) {
                share(scene, keys).add(button);
            }
        });
        Tooltip tooltip = button.getTooltip();
        if (tooltip != null && !tooltip.textProperty().isBound()) {
            tooltip.setText(withKeys(tooltip.getText(), keys));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Button> share(Scene scene, KeyCombination keys) {
        Map<KeyCombination, List<Button>> shared = (Map<KeyCombination, List<Button>>) scene.getProperties()
                .computeIfAbsent(SHARED_KEYS, key -> new HashMap<KeyCombination, List<Button>>());
        return shared.computeIfAbsent(keys, combination -> {
            List<Button> buttons = new ArrayList<>();
            scene.getAccelerators().put(combination, () -> buttons.stream().filter(Shortcuts::onScreen).findFirst()
                    .filter(button -> !button.isDisabled()).ifPresent(Button::fire));
            return buttons;
        });
    }

    private static boolean onScreen(Node node) {
        for (Node shown = node; shown != null; shown = shown.getParent()) {
            if (!shown.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** "Retry the job (Ctrl+R)". */
    public static String withKeys(String text, KeyCombination keys) {
        return (text == null || text.isBlank() ? "" : text + " ") + "(" + keys.getDisplayText() + ")";
    }
}
