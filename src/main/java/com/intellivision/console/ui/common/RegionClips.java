package com.intellivision.console.ui.common;

import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/** Cuts what a region holds at its edges, as the region is resized. */
public final class RegionClips {

    private RegionClips() {}

    /** Nothing inside {@code region} is drawn past it, nor counts in its bounds. */
    public static void clipToEdges(Region region) {
        Rectangle edge = new Rectangle();
        edge.widthProperty().bind(region.widthProperty());
        edge.heightProperty().bind(region.heightProperty());
        region.setClip(edge);
    }
}
