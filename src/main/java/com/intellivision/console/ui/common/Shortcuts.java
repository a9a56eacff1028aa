package com.intellivision.console.ui.common;

import javafx.scene.Node;
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

    /** "Retry the job (Ctrl+R)". */
    public static String withKeys(String text, KeyCombination keys) {
        return (text == null || text.isBlank() ? "" : text + " ") + "(" + keys.getDisplayText() + ")";
    }
}
