package com.intellivision.console.ui;

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
import javafx.stage.Modality;

/** The region editor in a dialog over the window; its answer is whether people kept what they drew. */
final class RegionEditorDialog {

    static final String FXML = "/fxml/RegionEditor.fxml";

    private RegionEditorDialog() {}

    /** Shows the editor and waits; true if people chose to use what they drew, which is then complete. */
    static boolean open(Node owner, RegionEditorViewModel editor, String title) {
        URL location = Objects.requireNonNull(RegionEditorDialog.class.getResource(FXML), FXML + " is missing from the class path");
        FXMLLoader loader = new FXMLLoader(location);
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + FXML, e);
        }
        RegionEditorView view = loader.getController();
        view.bind(editor);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        ButtonType use = new ButtonType("Use these", ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, use);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().getStyleClass().add("region-dialog");
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.setId("useRegionsButton");
        useButton.disableProperty().bind(editor.completeProperty().not());
        return dialog.showAndWait().filter(use::equals).isPresent();
    }
}
