package com.intellivision.console.ui.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * Changes a pane's children into a wanted list in place. {@code setAll} takes every child out of the
 * scene and puts it back, and JavaFX then applies the style sheets to each of them again, a cost that
 * grows with every card a pane holds; here only the nodes that come or go are touched.
 */
public final class Children {

    private Children() {}

    /** Makes {@code children} hold {@code wanted}, in its order, removing and inserting as few nodes as it can. */
    public static void update(ObservableList<Node> children, List<? extends Node> wanted) {
        if (children.equals(wanted)) {
            return;
        }
        Set<Node> keep = new HashSet<>(wanted);
        children.removeIf(child -> !keep.contains(child));
        for (int index = 0; index < wanted.size(); index++) {
            Node node = wanted.get(index);
            if (index < children.size() && children.get(index) == node) {
                continue;
            }
            // A node further down that should be here moves (the one case that re-styles a kept node).
            children.remove(node);
            children.add(index, node);
        }
    }
}
