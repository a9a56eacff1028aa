package com.intellivision.console.ui.shell;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the selected tab's content in the scene; the others wait outside it, still bound to
 * their view models, and come back when their tab is chosen.
 * <p>
 * A hidden tab's views go on changing with every event (the workers' rows, the queue's charts). In
 * the scene, each change asks for a repaint that hidden nodes cannot place anywhere, and JavaFX then
 * repaints the whole window: with the software renderer, 30 to 50 ms, several times a second. Outside
 * the scene, a change costs no CSS, no layout and no repaint; a tab brought back gets its styles and
 * layout once.
 */
final class SelectedTabContent {

    private SelectedTabContent() {}

    /** From now on, only the selected tab of {@code tabs} has its content in the scene. */
    static void keepOnlySelected(TabPane tabs) {
        Map<Tab, Node> contents = new HashMap<>();
        for (Tab tab : tabs.getTabs()) {
            contents.put(tab, tab.getContent());
            if (!tab.isSelected()) {
                tab.setContent(null);
            }
            tab.selectedProperty().addListener((selected, was, now) -> tab.setContent(now ? contents.get(tab) : null));
        }
    }
}
