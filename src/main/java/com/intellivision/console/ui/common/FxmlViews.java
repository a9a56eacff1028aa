package com.intellivision.console.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;

/** Views loaded from their FXML, and dialogs over the window that look like it. */
public final class FxmlViews {

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {}

    /** A dialog with Cancel and one action, whose button is {@code actionButton()}. */
    public record ActionDialog(Dialog<ButtonType> dialog, ButtonType action) {
        public Button actionButton() {
            return (Button) dialog.getDialogPane().lookupButton(action);
        }
    }

    private FxmlViews() {}

    /** Loads {@code fxml} (such as {@code /fxml/MainView.fxml}) from the class path; a missing or broken file is a bug. */
    public static <C> Loaded<C> load(String fxml) {
        URL location = Objects.requireNonNull(FxmlViews.class.getResource(fxml), fxml + " is missing from the class path");
        FXMLLoader loader = new FXMLLoader(location);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + fxml, e);
        }
    }

    /** A dialog over {@code owner}'s window, titled, styled with the window's style sheets and {@code styleClass}. */
    public static ActionDialog over(Node owner, String title, Node content, String actionLabel, String styleClass) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ButtonType action = new ButtonType(actionLabel, ButtonData.OK_DONE);
        DialogPane pane = dialog.getDialogPane();
        pane.getButtonTypes().setAll(ButtonType.CANCEL, action);
        pane.setContent(content);
        styleLike(owner, pane, styleClass);
        return new ActionDialog(dialog, action);
    }

    /** Gives a dialog the window's style sheets, and a class of its own. */
    static void styleLike(Node owner, DialogPane pane, String styleClass) {
        pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        pane.getStyleClass().add(styleClass);
    }
}
