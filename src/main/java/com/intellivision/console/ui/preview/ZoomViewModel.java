package com.intellivision.console.ui.preview;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How an image sits in its pane: fitted whole (the default, and again for every new image), or at a
 * scale people chose, panned to the part they look at. All figures are plain numbers: the image's
 * size in its own pixels, the pane's and the pointer's in the pane's.
 */
public final class ZoomViewModel {

    /** One wheel notch or button press zooms by this factor. */
    static final double STEP = 1.25;
    /** 1600 %: single pixels as blocks, more would show nothing new. */
    static final double MAX_SCALE = 16;

    /**
     * The part of the image shown and how large: {@code x}, {@code y}, {@code width}, {@code height} in
     * the image's pixels, drawn {@code scale} pane pixels per image pixel, centred in the pane.
     */
    public record Placement(double x, double y, double width, double height, double scale) {
        public double shownWidth() {
            return width * scale;
        }

        public double shownHeight() {
            return height * scale;
        }
    }

    private final ReadOnlyObjectWrapper<Placement> placement = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper pannable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper("");

    private double imageWidth;
    private double imageHeight;
    private double paneWidth;
    private double paneHeight;
    private double scale = 1;
    private double left;
    private double top;

    /** A new image, or none (0 × 0): shown fitted. */
    public void showImage(double width, double height) {
        imageWidth = Math.max(0, width);
        imageHeight = Math.max(0, height);
        fit();
    }

    /**
     * The next of a series of images, such as a running count's frames: one of the same size keeps the
     * zoom and what is in view; one of another size is fitted.
     */
    public void nextImage(double width, double height) {
        if (!fitted.get() && width == imageWidth && height == imageHeight) {
            publish();
            return;
        }
        showImage(width, height);
    }

    /** The pane changed size: a fitted image is fitted again, a zoomed one keeps its scale and what is under the centre. */
    public void resizePane(double width, double height) {
        double centreX = imageX(paneWidth / 2);
        double centreY = imageY(paneHeight / 2);
        paneWidth = Math.max(0, width);
        paneHeight = Math.max(0, height);
        if (fitted.get()) {
            fit();
        } else {
            centreOn(centreX, centreY);
        }
    }

    /** The whole image, as large as the pane allows. */
    public void fit() {
        fitted.set(true);
        scale = hasRoom() ? fitScale() : 1;
        left = 0;
        top = 0;
        publish();
    }

    /** One image pixel per pane pixel, keeping what is under the pane's centre there. */
    public void actualSize() {
        zoomTo(1, paneWidth / 2, paneHeight / 2);
    }

    /** One image pixel per pane pixel, keeping what is under the pointer there. */
    public void actualSizeAt(double paneX, double paneY) {
        zoomTo(1, paneX, paneY);
    }

    public void zoomIn() {
        zoomAt(STEP, paneWidth / 2, paneHeight / 2);
    }

    public void zoomOut() {
        zoomAt(1 / STEP, paneWidth / 2, paneHeight / 2);
    }

    /** Zooms by {@code factor}, keeping the image point under the pointer ({@code paneX}, {@code paneY}) under it. */
    public void zoomAt(double factor, double paneX, double paneY) {
        zoomTo(scale * factor, paneX, paneY);
    }

    /** Moves the image with the pointer by ({@code dx}, {@code dy}) pane pixels, never past its edges. */
    public void panBy(double dx, double dy) {
        if (!hasImage()) {
            return;
        }
        left -= dx / scale;
        top -= dy / scale;
        publish();
    }

    private void zoomTo(double target, double paneX, double paneY) {
        if (!hasImage() || !hasRoom()) {
            return;
        }
        double pointX = clamp(imageX(paneX), 0, imageWidth);
        double pointY = clamp(imageY(paneY), 0, imageHeight);
        scale = clamp(target, minScale(), MAX_SCALE);
        fitted.set(false);
        left = pointX - (paneX - originX()) / scale;
        top = pointY - (paneY - originY()) / scale;
        publish();
    }

    private void centreOn(double imageX, double imageY) {
        left = imageX - visibleWidth() / 2;
        top = imageY - visibleHeight() / 2;
        publish();
    }

    /** The image's x under the pane's x. */
    double imageX(double paneX) {
        return left + (paneX - originX()) / scale;
    }

    /** The image's y under the pane's y. */
    double imageY(double paneY) {
        return top + (paneY - originY()) / scale;
    }

    /** The pane's x of the image's x: where to draw over the image. */
    public double paneX(double imageX) {
        return originX() + (imageX - left) * scale;
    }

    /** The pane's y of the image's y. */
    public double paneY(double imageY) {
        return originY() + (imageY - top) * scale;
    }

    /** Where the shown part's left edge is in the pane: a part narrower than the pane is centred. */
    private double originX() {
        return (paneWidth - visibleWidth() * scale) / 2;
    }

    private double originY() {
        return (paneHeight - visibleHeight() * scale) / 2;
    }

    private double visibleWidth() {
        return Math.min(imageWidth, paneWidth / scale);
    }

    private double visibleHeight() {
        return Math.min(imageHeight, paneHeight / scale);
    }

    private double fitScale() {
        return Math.min(paneWidth / imageWidth, paneHeight / imageHeight);
    }

    /** Zooming out stops at the whole image, or at 1:1 for an image smaller than the pane. */
    private double minScale() {
        return Math.min(fitScale(), 1);
    }

    private boolean hasImage() {
        return imageWidth > 0 && imageHeight > 0;
    }

    private boolean hasRoom() {
        return hasImage() && paneWidth > 0 && paneHeight > 0;
    }

    private void publish() {
        if (!hasRoom()) {
            placement.set(null);
            pannable.set(false);
            zoomText.set("");
            return;
        }
        double width = visibleWidth();
        double height = visibleHeight();
        left = clamp(left, 0, imageWidth - width);
        top = clamp(top, 0, imageHeight - height);
        placement.set(new Placement(left, top, width, height, scale));
        pannable.set(width < imageWidth || height < imageHeight);
        zoomText.set(percentOf(scale));
    }

    /** "100 %", "42 %", "1600 %". */
    static String percentOf(double scale) {
        return String.format(Locale.ROOT, "%d %%", Math.round(scale * 100));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** What to draw, or null while there is no image or no room for one. */
    public ReadOnlyObjectProperty<Placement> placementProperty() {
        return placement.getReadOnlyProperty();
    }

    /** Whether the image is fitted to the pane, following its size, rather than at a chosen scale. */
    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    /** Whether part of the image is out of view, so that dragging moves it. */
    public ReadOnlyBooleanProperty pannableProperty() {
        return pannable.getReadOnlyProperty();
    }

    /** The scale as people read it, "100 %", or empty without an image. */
    public ReadOnlyStringProperty zoomTextProperty() {
        return zoomText.getReadOnlyProperty();
    }

    public double scale() {
        return scale;
    }
}
