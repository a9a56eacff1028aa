package com.intellivision.console.ui.preview;

import com.intellivision.console.job.FrameResult.FilmstripFrame;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A filmstrip's frames as a row of small thumbnails with their times; a click shows one large. */
public final class FilmstripView {

    static final double THUMBNAIL_WIDTH = 112;
    static final double THUMBNAIL_HEIGHT = 63;
    /** Room under the thumbnails for the horizontal scroll bar, so it never covers their times. */
    private static final double SCROLL_BAR_ROOM = 14;
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    @FXML private ScrollPane filmstripScroller;
    @FXML private HBox filmstripFrames;

    void bind(FilmstripViewModel viewModel) {
        filmstripScroller.visibleProperty().bind(Bindings.isNotEmpty(viewModel.frames()));
        filmstripScroller.managedProperty().bind(filmstripScroller.visibleProperty());
        filmstripScroller.prefHeightProperty().bind(filmstripFrames.heightProperty().add(SCROLL_BAR_ROOM));
        // A strip scrolls sideways; let the mouse wheel do that too.
        filmstripScroller.addEventFilter(ScrollEvent.SCROLL, event -> {
            double width = filmstripFrames.getWidth() - filmstripScroller.getViewportBounds().getWidth();
            if (event.getDeltaX() == 0 && width > 0) {
                filmstripScroller.setHvalue(filmstripScroller.getHvalue() - event.getDeltaY() / width);
                event.consume();
            }
        });
        viewModel.frames().addListener((ListChangeListener<FilmstripFrame>) change -> rebuild(viewModel));
        viewModel.selectedProperty().addListener((property, before, after) -> markChosen(after));
        rebuild(viewModel);
    }

    private void rebuild(FilmstripViewModel viewModel) {
        filmstripFrames.getChildren().setAll(viewModel.frames().stream().map(frame -> thumbnail(frame, viewModel)).toList());
        markChosen(viewModel.selectedProperty().get());
        filmstripScroller.setHvalue(0);
    }

    private static Node thumbnail(FilmstripFrame frame, FilmstripViewModel viewModel) {
        // Decoded at thumbnail size, in the background: a long strip costs little memory and no wait.
        ImageView image = new ImageView(new Image(frame.frameUrl(), THUMBNAIL_WIDTH * 2, THUMBNAIL_HEIGHT * 2, true, true, true));
        image.setFitWidth(THUMBNAIL_WIDTH);
        image.setFitHeight(THUMBNAIL_HEIGHT);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        Label time = new Label(shortTime(frame.timestamp()));
        time.getStyleClass().add("filmstrip-time");
        VBox box = new VBox(image, time);
        box.getStyleClass().add("filmstrip-frame");
        box.setUserData(frame);
        box.setOnMouseClicked(event -> viewModel.select(frame));
        return box;
    }

    /** "0:02.5", "12:40.0", "1:02:03": short enough for a thumbnail's width. */
    static String shortTime(double seconds) {
        long tenths = Math.round(seconds * 10);
        long hours = tenths / 36_000;
        long minutes = tenths / 600 % 60;
        double secs = tenths % 600 / 10.0;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, (long) secs)
                : String.format(Locale.ROOT, "%d:%04.1f", minutes, secs);
    }

    private void markChosen(FilmstripFrame chosen) {
        for (Node box : filmstripFrames.getChildren()) {
            box.pseudoClassStateChanged(CHOSEN, box.getUserData().equals(chosen));
        }
    }
}
