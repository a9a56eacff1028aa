package com.intellivision.console.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A large image in the preview: sized by its holder, never by the image, loaded in the background
 * (decoding off the FX thread) with a spinner meanwhile, and a readable problem if it cannot be loaded.
 */
public final class ImageSlot {

    private final ImageView view;
    private final ProgressIndicator loading;
    private final Label problem;
    private final String what;

    /** @param what what the image is, for the problem, e.g. "frame" */
    public ImageSlot(Region holder, ImageView view, ProgressIndicator loading, Label problem, String what) {
        this.view = view;
        this.loading = loading;
        this.problem = problem;
        this.what = what;
        view.fitWidthProperty().bind(holder.widthProperty());
        view.fitHeightProperty().bind(holder.heightProperty());
    }

    /** An image whose size and part shown someone else decides, as a zoomable image does. */
    public ImageSlot(ImageView view, ProgressIndicator loading, Label problem, String what) {
        this.view = view;
        this.loading = loading;
        this.problem = problem;
        this.what = what;
    }

    /** Shows the image at {@code url} unless it is already shown; null shows none. */
    public void show(String url) {
        Image current = view.getImage();
        if (url == null) {
            view.setImage(null);
            loading.visibleProperty().unbind();
            loading.setVisible(false);
            problem.visibleProperty().unbind();
            problem.setVisible(false);
            return;
        }
        if (current != null && url.equals(current.getUrl())) {
            return;
        }
        Image image = new Image(url, true);
        view.setImage(image);
        loading.visibleProperty().bind(image.progressProperty().lessThan(1).and(image.errorProperty().not()));
        problem.visibleProperty().bind(image.errorProperty());
        problem.textProperty().bind(Bindings.createStringBinding(() -> image.isError()
                ? "The " + what + " could not be loaded from " + url + reasonOf(image)
                : "", image.errorProperty()));
    }

    private static String reasonOf(Image image) {
        Exception exception = image.getException();
        return exception == null || exception.getMessage() == null ? "" : ": " + exception.getMessage();
    }
}
