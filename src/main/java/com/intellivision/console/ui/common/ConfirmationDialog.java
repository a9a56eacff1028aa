package com.intellivision.console.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import org.kordamp.ikonli.javafx.FontIcon;

/** Asks a {@link Confirmation} in a dialog over the window of {@code owner}. */
public final class ConfirmationDialog {

    private ConfirmationDialog() {}

    /** Asks; only an explicit click on the confirming button says yes, so Enter or Escape keep things as they are. */
    public static boolean confirmed(Node owner, Confirmation question) {
        ButtonType confirm = new ButtonType(question.confirmLabel(), ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(question.keepLabel(), ButtonData.CANCEL_CLOSE);
        Alert dialog = new Alert(AlertType.CONFIRMATION, question.detail(), keep, confirm);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(question.title());
        dialog.setHeaderText(question.question());
        FontIcon warning = new FontIcon("fth-alert-triangle");
        warning.getStyleClass().add("confirm-icon");
        dialog.setGraphic(warning);
        FxmlViews.styleLike(owner, dialog.getDialogPane(), "confirmation");
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add(Styles.DANGER);
        ((Button) dialog.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
