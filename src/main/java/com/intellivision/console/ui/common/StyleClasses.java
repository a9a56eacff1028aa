package com.intellivision.console.ui.common;

import java.util.List;
import javafx.scene.Node;

/**
 * Gives a node its style classes only when they differ from those it has. Any change to the list, even
 * one that puts back what was there, makes JavaFX look the node's whole style up again at the next
 * pulse; cells and chart nodes restyled at every event would pay that each time.
 */
public final class StyleClasses {

    private StyleClasses() {}

    public static void set(Node node, String... styleClasses) {
        List<String> wanted = List.of(styleClasses);
        if (!node.getStyleClass().equals(wanted)) {
            node.getStyleClass().setAll(wanted);
        }
    }
}
