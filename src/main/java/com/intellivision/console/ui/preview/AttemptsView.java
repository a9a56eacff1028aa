package com.intellivision.console.ui.preview;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The attempts under the preview: one line per run (number, worker, start, duration, outcome) with
 * its error wrapped beneath. A job has a handful of runs at most, so lines are plain nodes rather than
 * a virtualised list, which could not wrap text to its width.
 */
public final class AttemptsView {

    /** About four attempts with short errors; more scroll. */
    private static final double MAX_HEIGHT = 176;
    /** About two attempts with their errors: what stays visible however small the window. */
    private static final double MIN_HEIGHT = 110;

    @FXML private VBox section;
    @FXML private Label title;
    @FXML private Label placeholder;
    @FXML private ScrollPane scroller;
    @FXML private VBox attemptsList;

    void bind(AttemptsViewModel viewModel) {
        section.visibleProperty().bind(viewModel.jobShownProperty());
        section.managedProperty().bind(section.visibleProperty());
        title.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.attempts().isEmpty() ? "Attempts" : "Attempts · " + viewModel.attempts().size(), viewModel.attempts()));
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.visibleProperty().bind(viewModel.placeholderProperty().isNotEmpty());
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        scroller.visibleProperty().bind(Bindings.isNotEmpty(viewModel.attempts()));
        scroller.managedProperty().bind(scroller.visibleProperty());

        viewModel.attempts().addListener((ListChangeListener<AttemptRow>) change -> show(viewModel));
        // Measured once laid out: only then is the width known that the errors wrap to.
        scroller.viewportBoundsProperty().addListener(observable -> fitToContent());
        show(viewModel);
    }

    private void show(AttemptsViewModel viewModel) {
        attemptsList.getChildren().setAll(viewModel.attempts().stream().map(AttemptsView::lineOf).toList());
        fitToContent();
    }

    /**
     * As tall as the attempts, up to a few lines, beyond which they scroll; when the preview needs the
     * room it shrinks, but not below about two attempts. Errors wrap, so this depends on the width.
     */
    private void fitToContent() {
        double width = scroller.getViewportBounds().getWidth();
        if (width <= 0) {
            return;
        }
        attemptsList.applyCss();
        double content = attemptsList.prefHeight(width);
        scroller.setPrefViewportHeight(Math.min(MAX_HEIGHT, content));
        scroller.setMinViewportHeight(Math.min(MIN_HEIGHT, content));
    }

    private static Node lineOf(AttemptRow attempt) {
        Label number = label(attempt.number(), "attempt-number");
        Label worker = label(attempt.worker(), "attempt-worker");
        Label started = label(attempt.started(), "attempt-time");
        Label duration = label(attempt.duration(), "attempt-time");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label outcome = label(attempt.outcome(), "status-badge");
        outcome.getStyleClass().add(attempt.outcomeStyleClass());
        HBox facts = new HBox(number, worker, started, duration, gap, outcome);
        facts.getStyleClass().add("attempt-facts");

        VBox line = new VBox(facts);
        line.getStyleClass().add("attempt");
        if (!attempt.error().isEmpty()) {
            Label error = new Label(attempt.error());
            error.getStyleClass().add(attempt.errorStyleClass());
            error.setWrapText(true);
            // Without a minimum the label would take one line and cut the rest off.
            error.setMinHeight(Region.USE_PREF_SIZE);
            line.getChildren().add(error);
        }
        return line;
    }

    /** A fact on the line, never shortened: the error below is what gives way. */
    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
